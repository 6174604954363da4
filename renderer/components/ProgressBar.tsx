// A determinate progress bar (or an indeterminate one when the total is not known yet).
export function ProgressBar({ label, value, max, valueText }: { label: string; value?: number; max?: number; valueText?: string }) {
  const known = value !== undefined && max !== undefined && max > 0;
  const percent = known ? Math.min(100, (value / max) * 100) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={known ? 0 : undefined}
      aria-valuemax={known ? max : undefined}
      aria-valuenow={known ? value : undefined}
      aria-valuetext={valueText}
      className={known ? 'progress' : 'progress indeterminate'}
    >
      <div className="progress-fill" style={known ? { width: `${percent}%` } : undefined} />
    </div>
  );
}
