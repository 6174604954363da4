// The shape of one schema step: a version number (with gaps, so steps can be slotted in) and its SQL.
export interface Migration {
  version: number;
  name: string;
  up: string;
}
