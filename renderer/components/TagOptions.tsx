// The options of a tag chooser: every tag by its path, with how many exhibits carry it.
import type { Tag } from '../../shared/model.ts';

export function TagOptions({ tags }: { tags: readonly Tag[] }) {
  return tags.map((t) => (
    <option key={t.id} value={t.path}>
      {t.path} ({t.exhibitCount})
    </option>
  ));
}
