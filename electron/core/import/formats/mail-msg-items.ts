// Outlook items that are not mail (contacts, appointments, tasks, notes, contact groups, posts, journal entries):
// what each is called, and its fields written out as "Label: value" lines so that they can be read and searched.
import type { ExhibitKind } from '../../../../shared/model.ts';
import type { FieldsData } from './mail-msgreader.ts';
import type { MsgStrings } from './mail-msg-text.ts';

// Property sets of named properties ([MS-OXPROPS] 1.3.2).
const PSETID_ADDRESS = '00062004-0000-0000-c000-000000000046';
const PSETID_APPOINTMENT = '00062002-0000-0000-c000-000000000046';
const PSETID_TASK = '00062003-0000-0000-c000-000000000046';
const PSETID_LOG = '0006200a-0000-0000-c000-000000000046';

type Source = number | [set: string, lid: number];
type Field = [label: string, source: Source, format?: 'date' | 'percent' | 'taskStatus'];

interface ItemType {
  prefix: string;
  name: string;
  /** The exhibit kind it becomes (a meeting request is mail; a post or journal entry is a document). */
  kind: ExhibitKind;
  fields: Field[];
  /** Sent as mail (a meeting request): an email exhibit, with the item's details above its text. */
  mail?: boolean;
}

const APPOINTMENT_FIELDS: Field[] = [
  ['Starts', [PSETID_APPOINTMENT, 0x820d], 'date'],
  ['Ends', [PSETID_APPOINTMENT, 0x820e], 'date'],
  ['Location', [PSETID_APPOINTMENT, 0x8208]],
];

const TASK_STATUS = ['Not started', 'In progress', 'Completed', 'Waiting on someone else', 'Deferred'];

// Matched in order on the message class (case-insensitive), an exact class or one with a suffix (IPM.Contact.Custom).
const ITEM_TYPES: ItemType[] = [
  { prefix: 'IPM.Appointment', name: 'a calendar appointment', kind: 'appointment', fields: APPOINTMENT_FIELDS },
  { prefix: 'IPM.Schedule.Meeting', name: 'a meeting request or response', kind: 'email', fields: APPOINTMENT_FIELDS, mail: true },
  {
    prefix: 'IPM.Contact',
    name: 'a contact card',
    kind: 'contact',
    fields: [
      ['Name', 0x3001],
      ['Company', 0x3a16],
      ['Job title', 0x3a17],
      ['Department', 0x3a18],
      ['Email', [PSETID_ADDRESS, 0x8083]],
      ['Email 2', [PSETID_ADDRESS, 0x8093]],
      ['Email 3', [PSETID_ADDRESS, 0x80a3]],
      ['Business phone', 0x3a08],
      ['Home phone', 0x3a09],
      ['Mobile phone', 0x3a1c],
      ['Business fax', 0x3a24],
      ['Business address', [PSETID_ADDRESS, 0x801b]],
      ['Postal address', 0x3a15],
      ['Web page', 0x3a51],
      ['Birthday', 0x3a42, 'date'],
    ],
  },
  { prefix: 'IPM.DistList', name: 'a contact group', kind: 'contact_group', fields: [['Group name', [PSETID_ADDRESS, 0x8053]]] },
  {
    prefix: 'IPM.Task',
    name: 'a task',
    kind: 'task',
    fields: [
      ['Owner', [PSETID_TASK, 0x811f]],
      ['Starts', [PSETID_TASK, 0x8104], 'date'],
      ['Due', [PSETID_TASK, 0x8105], 'date'],
      ['Status', [PSETID_TASK, 0x8101], 'taskStatus'],
      ['Complete', [PSETID_TASK, 0x8102], 'percent'],
      ['Completed on', [PSETID_TASK, 0x810f], 'date'],
    ],
  },
  { prefix: 'IPM.StickyNote', name: 'a note', kind: 'note', fields: [] },
  { prefix: 'IPM.Post', name: 'a post in a shared folder', kind: 'document', fields: [] },
  {
    prefix: 'IPM.Activity',
    name: 'a journal entry',
    kind: 'document',
    fields: [
      ['Type', [PSETID_LOG, 0x8700]],
      ['Starts', [PSETID_LOG, 0x8706], 'date'],
      ['Ends', [PSETID_LOG, 0x8708], 'date'],
    ],
  },
];

export interface OutlookItem {
  /** What Outlook's users call it: "a contact card", "a task" … */
  name: string;
  kind: ExhibitKind;
  fields: Field[];
  mail?: boolean;
}

export function outlookItem(messageClass: string): OutlookItem | null {
  const cls = messageClass.toLowerCase();
  const type = ITEM_TYPES.find(({ prefix }) => cls === prefix.toLowerCase() || cls.startsWith(`${prefix.toLowerCase()}.`));
  return type ?? null;
}

/** The item's fields as "Label: value" lines, in the order Outlook shows them; null when it has none. */
export function itemDetails(item: OutlookItem, fields: FieldsData, strings: MsgStrings): string | null {
  const lines: string[] = [];
  for (const [label, source, format] of item.fields) {
    const value = formatted(strings.raw(fields, source), format);
    if (value) lines.push(`${label}:${value.includes('\n') ? `\n  ${value.split('\n').join('\n  ')}` : ` ${value}`}`);
  }
  return lines.length > 0 ? lines.join('\n') : null;
}

function formatted(value: unknown, format: Field[2]): string | null {
  if (value === null || value === undefined) return null;
  if (format === 'date') {
    const ms = typeof value === 'string' ? Date.parse(value) : NaN;
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  if (format === 'percent') return typeof value === 'number' && Number.isFinite(value) ? `${Math.round(value * 100)}%` : null;
  if (format === 'taskStatus') return typeof value === 'number' ? (TASK_STATUS[value] ?? null) : null;
  if (typeof value !== 'string') return null;
  const text = value.replace(/\r\n?/g, '\n').replace(/[ \t]+/g, ' ').trim();
  return text || null;
}
