// The grid's columns: what they show, which sort and which can be edited in place.
import type { EditableField } from './use-save-exhibit.ts';
import type { SortColumn } from './exhibit-rows.ts';

export type ColumnId = 'number' | 'date' | 'title' | 'kind' | 'tags' | 'description';

export interface Column {
  id: ColumnId;
  label: string;
  sort?: SortColumn;
  edit?: EditableField;
}

export const COLUMNS: readonly Column[] = [
  { id: 'number', label: 'Number', sort: 'number', edit: 'exhibitNo' },
  { id: 'date', label: 'Date', sort: 'date', edit: 'date' },
  { id: 'title', label: 'Title', sort: 'title', edit: 'title' },
  { id: 'kind', label: 'Kind', sort: 'kind' },
  { id: 'tags', label: 'Tags' },
  { id: 'description', label: 'Description', edit: 'description' },
];
