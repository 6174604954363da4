// Chooses a paragraph of the complaint by its number, showing the start of its text; typing a number picks that
// paragraph ("4" then "1" within a second picks ¶ 41), where a list's own type-ahead would look for "¶".
import { useRef, type KeyboardEvent, type RefObject } from 'react';
import type { Paragraph } from '../../shared/model.ts';

const TYPING_PAUSE_MS = 1000;

interface ParagraphSelectProps {
  label: string;
  paragraphs: readonly Paragraph[];
  value: number | null;
  onChange: (n: number | null) => void;
  noneLabel: string;
  selectRef?: RefObject<HTMLSelectElement | null>;
}

export function ParagraphSelect({ label, paragraphs, value, onChange, noneLabel, selectRef }: ParagraphSelectProps) {
  const typed = useRef({ digits: '', at: 0 });

  function onKeyDown(e: KeyboardEvent<HTMLSelectElement>) {
    if (!/^[0-9]$/.test(e.key) || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    const now = Date.now();
    const digits = (now - typed.current.at < TYPING_PAUSE_MS ? typed.current.digits : '') + e.key;
    typed.current = { digits, at: now };
    const n = Number(digits);
    if (paragraphs.some((p) => p.number === n)) onChange(n);
  }

  return (
    <label className="field">
      <span>{label}</span>
      <select ref={selectRef} aria-label={label} value={value ?? ''} onKeyDown={onKeyDown} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
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
