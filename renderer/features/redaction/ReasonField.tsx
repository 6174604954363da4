// The reason for a redaction: one of the usual reasons or the user's own words; the last one given is offered next,
// as a reviewer redacts a whole production for the same reason.
import { useState } from 'react';
import { REDACTION_REASONS } from '../../../shared/model.ts';

const KEY = 'exhibit-desk.redaction-reason';
const OTHER = '';

export function lastReason(): string {
  try {
    return localStorage.getItem(KEY)?.trim() || REDACTION_REASONS[0];
  } catch {
    return REDACTION_REASONS[0];
  }
}

export function rememberReason(reason: string): void {
  try {
    localStorage.setItem(KEY, reason);
  } catch {
    // A browser that keeps nothing offers the first reason next time: nothing is lost but the convenience.
  }
}

const isListed = (reason: string) => (REDACTION_REASONS as readonly string[]).includes(reason);

/** A select of the usual reasons with "Other reason…", which opens a text field for the user's own. */
export function ReasonField({ value, onChange }: { value: string; onChange: (reason: string) => void }) {
  const [other, setOther] = useState(() => !isListed(value));
  return (
    <div className="field-row reason-field">
      <label className="field">
        <span>Reason</span>
        <select
          aria-label="Reason"
          value={other ? OTHER : value}
          onChange={(e) => {
            const chosen = e.target.value;
            setOther(chosen === OTHER);
            onChange(chosen === OTHER ? '' : chosen);
          }}
        >
          {REDACTION_REASONS.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
          <option value={OTHER}>Other reason…</option>
        </select>
      </label>
      {other && (
        <label className="field">
          <span>Other reason</span>
          <input value={value} maxLength={100} onChange={(e) => onChange(e.target.value)} placeholder="e.g. Medical information" autoFocus />
        </label>
      )}
    </div>
  );
}
