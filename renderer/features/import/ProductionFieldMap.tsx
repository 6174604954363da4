// The field map of a production volume, editable: each field of its load file, its first value, and what it is read
// as (one of an exhibit's fields, or kept as a custom field). A field of ours is read from one load-file field only.
import { PRODUCTION_FIELD_LABELS, type ProductionField, type ProductionPreview } from '../../../shared/model.ts';

const OURS = Object.keys(PRODUCTION_FIELD_LABELS) as ProductionField[];
const CUSTOM = '';

interface Props {
  preview: ProductionPreview;
  /** The whole map after a change: each of our fields → its load-file field, or '' for none. */
  onChange: (fieldMap: Record<string, string>) => void;
  busy: boolean;
}

/** The map as the volume was read, every field of ours named ('' for none), so that what is shown is what is imported. */
export function completeFieldMap(preview: ProductionPreview): Record<string, string> {
  return Object.fromEntries(OURS.map((f) => [f, preview.fieldMap[f] ?? '']));
}

export function ProductionFieldMap({ preview, onChange, busy }: Props) {
  const readAs = new Map(Object.entries(preview.fieldMap).map(([ours, column]) => [column, ours as ProductionField]));
  const change = (column: string, to: ProductionField | typeof CUSTOM) => {
    const next = completeFieldMap(preview);
    const was = readAs.get(column);
    if (was) next[was] = '';
    if (to !== CUSTOM) next[to] = column;
    onChange(next);
  };
  return (
    <section aria-label="Field map" className="field-map" aria-busy={busy}>
      <h3>Fields of the load file</h3>
      <p className="muted small-print">
        Each is read as one of an exhibit’s fields or kept as a custom field (searchable). Your changes are kept for this case’s next volume.
      </p>
      <div className="field-map-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Load-file field</th>
              <th scope="col">First value</th>
              <th scope="col">Read as</th>
            </tr>
          </thead>
          <tbody>
            {preview.fields.map((column, i) => {
              const current = readAs.get(column) ?? CUSTOM;
              return (
                <tr key={`${column}-${i}`}>
                  <th scope="row" className="mono">
                    {column}
                  </th>
                  <td className="sample" title={preview.samples[i] || undefined}>
                    {preview.samples[i] || <span className="muted">(empty)</span>}
                  </td>
                  <td>
                    <select aria-label={`Read ${column} as`} value={current} onChange={(e) => change(column, e.target.value as ProductionField | typeof CUSTOM)}>
                      <option value={CUSTOM}>Keep as a custom field</option>
                      {OURS.map((f) => {
                        const elsewhere = preview.fieldMap[f] !== undefined && preview.fieldMap[f] !== column ? preview.fieldMap[f] : null;
                        return (
                          <option key={f} value={f}>
                            {PRODUCTION_FIELD_LABELS[f]}
                            {elsewhere ? ` (now ${elsewhere})` : ''}
                          </option>
                        );
                      })}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
