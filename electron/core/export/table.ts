// A table as exports describe it once (the bundle's index, exhibit lists, proof charts), for the PDF and Word
// renderers to lay out each in its own way.
import type { Weight } from './fonts.ts';

export interface Column {
  header: string;
  /** A share of the table's width: the renderers scale the shares to the page. */
  width: number;
}

export interface TableRow {
  cells: string[];
  weight?: Weight;
  /** Indent of the first cell in points, for rows that belong to the row above (an email's attachments). */
  indent?: number;
  /** A full-width heading line instead of cells (a cause of action in a proof chart). */
  heading?: string;
}

export interface Table {
  title: string;
  subtitle: string[];
  columns: Column[];
  rows: TableRow[];
}
