// Chooses a paragraph of the complaint by its number, showing the start of its text.
import type { Paragraph } from '../../shared/model.ts';

interface ParagraphSelectProps {
  label: string;
  paragraphs: readonly Paragraph[];
  value: number | null;
  onChange: (n: number | null) => void;
  noneLabel: string;
}

export function ParagraphSelect({ label, paragraphs, value, onChange, noneLabel }: ParagraphSelectProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
        <option value="">{noneLabel}</option>
        {paragraphs.map((p) => (
          <option key={p.id} value={p.number}>
            ¶ {p.number} — {p.text.length > 90 ? `${p.text.slice(0, 90)}…` : p.text}
          </option>
        ))}
      </select>
    </label>
  );
}
