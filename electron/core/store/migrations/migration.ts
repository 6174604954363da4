// The shape of one schema step: a version number (with gaps, so steps can be slotted in) and its SQL.
export interface Migration {
  version: number;
  name: string;
  up: string;
  /**
   * A step that rebuilds a table others refer to: foreign keys are switched off around it (they cannot be inside a
   * transaction), and the step commits only if every foreign key still holds.
   */
  foreignKeysOff?: true;
}
