// How dates, sizes and kinds read in the UI.
import { STANCES, type ExhibitKind, type Stance } from '../../shared/model.ts';
import type { IconName } from './Icon.tsx';

const day = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const dayTime = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/** "Mar 28, 2017"; an ISO date-time also gets its time of day. */
export function formatDate(iso: string | null, withTime = false): string {
  if (!iso) return '';
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(t)) return iso;
  return (withTime && iso.length > 10 ? dayTime : day).format(t);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export const KIND_LABELS: Record<ExhibitKind, string> = {
  pdf: 'PDF',
  email: 'Email',
  image: 'Image',
  document: 'Document',
  text: 'Text',
  html: 'Web page',
  other: 'Other',
  contact: 'Contact',
  appointment: 'Appointment',
  task: 'Task',
  note: 'Note',
  contact_group: 'Contact group',
};

export const KIND_ICONS: Record<ExhibitKind, IconName> = {
  pdf: 'file',
  email: 'mail',
  image: 'image',
  document: 'file',
  text: 'text',
  html: 'file',
  other: 'file',
  contact: 'mail',
  appointment: 'mail',
  task: 'text',
  note: 'text',
  contact_group: 'mail',
};

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export const STANCE_LABELS: Record<Stance, string> = { supports: 'Supports', contradicts: 'Contradicts', context: 'Context' };
export const STANCE_OPTIONS = STANCES.map((s) => [s, STANCE_LABELS[s]] as const);
