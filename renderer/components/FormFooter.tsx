// The end of every dialog form: the error, if any, read out as an alert; Cancel; and the action.
export function FormFooter({ error, onCancel, submitLabel, busy = false }: { error: string | null; onCancel: () => void; submitLabel: string; busy?: boolean }) {
  return (
    <>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
