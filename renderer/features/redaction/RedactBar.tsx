// The bar under the viewer's toolbar in redact mode: draw boxes or select text, redact the selection or the whole
// page, find text to redact, and leave the mode.
import { Icon } from '../../components/Icon.tsx';
import { Segmented } from '../../components/Segmented.tsx';

export type RedactTool = 'box' | 'text';

const TOOLS: [RedactTool, string][] = [
  ['box', 'Draw boxes'],
  ['text', 'Select text'],
];

interface RedactBarProps {
  tool: RedactTool;
  onTool: (tool: RedactTool) => void;
  /** Pages without a text layer (pictures) offer boxes only. */
  canSelectText: boolean;
  hasSelection: boolean;
  onRedactSelection: () => void;
  onWholePage: () => void;
  onFindAndRedact: () => void;
  onDone: () => void;
}

export function RedactBar(props: RedactBarProps) {
  const { tool, canSelectText } = props;
  const textTool = canSelectText && tool === 'text';
  return (
    <div role="toolbar" aria-label="Redaction tools" className="redact-bar">
      <Icon name="shield" size={16} className="redact-bar-icon" />
      {canSelectText && <Segmented legend="Redact by" value={tool} options={TOOLS} onChange={props.onTool} />}
      {/* Selecting text needs no telling; a box drawn by dragging does. */}
      {!textTool && <span className="redact-hint">Drag on the page to draw a box.</span>}
      <span className="toolbar-spacer" />
      {textTool && (
        <button
          type="button"
          className="button small primary"
          disabled={!props.hasSelection}
          // Keeps the text selection on the page when the button is pressed.
          onMouseDown={(e) => e.preventDefault()}
          onClick={props.onRedactSelection}
          title="Select text on the page first"
        >
          Redact selection
        </button>
      )}
      <button type="button" className="button small" aria-label="Redact whole page" onClick={props.onWholePage}>
        Whole page
      </button>
      <button type="button" className="button small" onClick={props.onFindAndRedact} title="Find text to redact in these or all exhibits (Shift+R)">
        Find and redact…
      </button>
      <button type="button" className="button small" onClick={props.onDone} title="Leave redact mode (R or Esc)">
        Done
      </button>
    </div>
  );
}

/** The viewer's switch into and out of redact mode. */
export function RedactToggle({ on, onToggle }: { on: boolean; onToggle: () => void }) {
  return (
    <button type="button" className="button small redact-toggle" aria-pressed={on} onClick={onToggle} title="Draw redactions on the page (R)">
      <Icon name="shield" size={15} />
      Redact
    </button>
  );
}
