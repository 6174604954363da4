// The side panels (allegations on the left, details on the right) fold away to give the grid or the document the
// width of a laptop screen: a button at each end of the tab bar, and [ and ] from the keyboard. Which are folded is
// kept in this browser (localStorage), as a preference of the person, not of the case.
import { useCallback, useState } from 'react';
import { Icon } from '../components/Icon.tsx';

export type SidePanel = 'allegations' | 'details';
type Folded = Record<SidePanel, boolean>;

const STORAGE_KEY = 'exhibit-desk.folded-panels';
const LABELS: Record<SidePanel, string> = { allegations: 'allegations', details: 'details' };
export const PANEL_KEYS: Record<SidePanel, string> = { allegations: '[', details: ']' };

function stored(): Folded {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Folded>;
    return { allegations: saved.allegations === true, details: saved.details === true };
  } catch {
    return { allegations: false, details: false };
  }
}

function save(folded: Folded): Folded {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(folded));
  } catch {
    // A browser that keeps nothing keeps the choice for this session only.
  }
  return folded;
}

export function useSidePanels() {
  const [folded, setFolded] = useState<Folded>(stored);
  const toggle = useCallback((panel: SidePanel) => setFolded((prev) => save({ ...prev, [panel]: !prev[panel] })), []);
  const show = useCallback((panel: SidePanel) => setFolded((prev) => (prev[panel] ? save({ ...prev, [panel]: false }) : prev)), []);
  const className = ['app', folded.allegations && 'allegations-folded', folded.details && 'details-folded'].filter(Boolean).join(' ');
  return { folded, className, toggle, show };
}

/** The button that folds or unfolds one side panel, labelled with what it will do. */
export function PanelToggle({ panel, folded, onToggle }: { panel: SidePanel; folded: boolean; onToggle: (panel: SidePanel) => void }) {
  const label = `${folded ? 'Show' : 'Hide'} ${LABELS[panel]}`;
  return (
    <button
      type="button"
      className={`icon-button small panel-toggle panel-toggle-${panel}`}
      aria-label={label}
      aria-expanded={!folded}
      title={`${label} (${PANEL_KEYS[panel]})`}
      onClick={() => onToggle(panel)}
    >
      <Icon name={panel === 'allegations' ? 'panelLeft' : 'panelRight'} size={16} />
    </button>
  );
}
