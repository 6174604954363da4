// Find and redact: a preset (FRCP 5.2, Social Security numbers …), words or a regular expression, searched in the
// selected exhibits or the whole case. Every hit is stored as a proposal and listed for review; the checked ones are
// accepted and the rest rejected, and a dialog closed before that rejects what it proposed, so nothing is left pending.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ArgsOf, RedactionProposals } from '../../../shared/api.ts';
import { idRef, REDACTION_PRESETS, type RedactionPreset } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { FormFooter } from '../../components/FormFooter.tsx';
import { Segmented } from '../../components/Segmented.tsx';
import { lastReason, ReasonField, rememberReason } from './ReasonField.tsx';
import { ProposalReview } from './ProposalReview.tsx';
import { decideAll } from './decide.ts';

export const PRESET_NAMES: Record<RedactionPreset, string> = {
  frcp52: 'FRCP 5.2 (SSN, taxpayer no., birth date, account no.: keeps what the rule allows)',
  ssn: 'Social Security numbers',
  tin: 'Taxpayer numbers',
  account: 'Account numbers',
  dob: 'Birth dates',
  email: 'E-mail addresses',
  phone: 'Phone numbers',
};

type How = 'preset' | 'term' | 'pattern';
const HOWS: [How, string][] = [
  ['preset', 'Kind of information'],
  ['term', 'Words'],
  ['pattern', 'Regular expression'],
];

/** The exhibits selected when the dialog was opened: "Selected exhibits" means them, whatever happens meanwhile. */
export interface FindRedactScope {
  exhibitIds: readonly number[];
}

export function FindRedactDialog({ scope, onClose }: { scope: FindRedactScope | null; onClose: () => void }) {
  const { touch, announce } = useWorkspace();
  // The proposals this dialog made and nobody has decided yet: rejected when it closes.
  const pending = useRef<number[]>([]);
  const close = () => {
    const ids = pending.current;
    pending.current = [];
    if (ids.length > 0) {
      void decideAll(ids, false).then(
        () => touch(),
        (e: unknown) => announce(`The ${ids.length} proposed redactions could not be rejected: ${(e as Error).message}`),
      );
    }
    onClose();
  };
  return (
    <Dialog open={scope !== null} title="Find and redact" onClose={close} className="find-redact-dialog">
      {scope && <FindRedactForm scope={scope} pending={pending} onClose={close} />}
    </Dialog>
  );
}

type Phase =
  | { state: 'setup' }
  | { state: 'finding' }
  | { state: 'review'; found: RedactionProposals; reason: string }
  | { state: 'deciding'; found: RedactionProposals; reason: string };

interface FormProps {
  scope: FindRedactScope;
  pending: { current: number[] };
  onClose: () => void;
}

function FindRedactForm({ scope, pending, onClose }: FormProps) {
  const { exhibits, touch, announce } = useWorkspace();
  const [how, setHow] = useState<How>('preset');
  const [preset, setPreset] = useState<RedactionPreset>('frcp52');
  const [term, setTerm] = useState('');
  const [pattern, setPattern] = useState('');
  const [where, setWhere] = useState<'selected' | 'all'>(scope.exhibitIds.length > 0 ? 'selected' : 'all');
  const [reason, setReason] = useState(lastReason);
  const [phase, setPhase] = useState<Phase>({ state: 'setup' });
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const closed = useRef(false);
  useEffect(
    () => () => {
      closed.current = true;
    },
    [],
  );

  const selectedNos = useMemo(() => scope.exhibitIds.map((id) => exhibits.byId.get(id)?.exhibitNo ?? idRef(id)), [scope, exhibits.byId]);
  const wheres: [typeof where, string][] = [
    ['selected', `Selected exhibits (${scope.exhibitIds.length})`],
    ['all', 'The whole case'],
  ];

  function request(): ArgsOf<'proposeRedactions'> | string {
    const select: ArgsOf<'proposeRedactions'>['select'] =
      where === 'selected' ? { by: 'numbers', ranges: [], exhibits: scope.exhibitIds.map(idRef) } : { by: 'all' };
    const why = reason.trim();
    if (!why) return 'Give a reason for the redactions.';
    if (where === 'selected' && scope.exhibitIds.length === 0) return 'No exhibits are selected: search the whole case, or select exhibits first.';
    if (how === 'term') return term.trim() ? { term: term.trim(), select, reason: why } : 'Give the words to find.';
    if (how === 'pattern') {
      if (!pattern) return 'Give a regular expression.';
      try {
        new RegExp(pattern, 'u');
      } catch (e) {
        return `That regular expression does not work: ${(e as Error).message}`;
      }
      return { pattern, select, reason: why };
    }
    return { preset, select, reason: why };
  }

  async function find() {
    const args = request();
    if (typeof args === 'string') return setError(args);
    setError(null);
    setPhase({ state: 'finding' });
    try {
      const found = await api.proposeRedactions(args);
      const ids = found.proposals.map((p) => p.id);
      // Closed while the search ran: what it proposed is rejected at once, as it would have been on closing.
      if (closed.current) return void decideAll(ids, false).then(touch, () => {});
      pending.current = ids;
      setChecked(new Set(pending.current));
      setPhase({ state: 'review', found, reason: args.reason! });
      rememberReason(args.reason!);
      touch();
    } catch (e) {
      setError((e as Error).message);
      setPhase({ state: 'setup' });
    }
  }

  async function searchAgain() {
    const ids = pending.current;
    pending.current = [];
    setPhase({ state: 'setup' });
    try {
      if (ids.length > 0) await decideAll(ids, false);
      touch();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function redactChecked(found: RedactionProposals, why: string) {
    setPhase({ state: 'deciding', found, reason: why });
    setError(null);
    const accept = found.proposals.filter((p) => checked.has(p.id)).map((p) => p.id);
    const reject = found.proposals.filter((p) => !checked.has(p.id)).map((p) => p.id);
    try {
      await decideAll(accept, true);
      await decideAll(reject, false);
      pending.current = [];
      touch();
      const exhibitCount = new Set(found.proposals.filter((p) => checked.has(p.id)).map((p) => p.exhibitId)).size;
      announce(
        `Redacted ${accept.length} ${accept.length === 1 ? 'passage' : 'passages'} in ${exhibitCount} ${exhibitCount === 1 ? 'exhibit' : 'exhibits'}` +
          (reject.length > 0 ? `; ${reject.length} not redacted.` : '.'),
      );
      onClose();
    } catch (e) {
      // Some may have been decided before the failure: those still proposed are rejected when the dialog closes.
      const still = await api.listRedactions({ status: 'proposed' }).then(
        (rs) => new Set(rs.map((r) => r.id)),
        () => null,
      );
      if (still) pending.current = pending.current.filter((id) => still.has(id));
      setError((e as Error).message);
      setPhase({ state: 'review', found, reason: why });
    }
  }

  if (phase.state === 'review' || phase.state === 'deciding') {
    const { found } = phase;
    return (
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void redactChecked(found, phase.reason);
        }}
      >
        <ProposalReview found={found} checked={checked} onChecked={setChecked} />
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={() => void searchAgain()} disabled={phase.state === 'deciding'}>
            Search again
          </button>
          <span className="muted" />
          <button type="button" className="button" onClick={onClose} disabled={phase.state === 'deciding'}>
            {found.proposals.length === 0 ? 'Close' : 'Cancel'}
          </button>
          {found.proposals.length > 0 && (
            <button type="submit" className="button primary" disabled={phase.state === 'deciding'}>
              Redact checked ({checked.size})
            </button>
          )}
        </div>
      </form>
    );
  }

  return (
    <form
      className="form"
      aria-busy={phase.state === 'finding'}
      onSubmit={(e) => {
        e.preventDefault();
        void find();
      }}
    >
      <Segmented legend="Find" value={how} options={HOWS} onChange={setHow} />
      {how === 'preset' && (
        <label className="field">
          <span>What to find</span>
          <select aria-label="What to find" value={preset} onChange={(e) => setPreset(e.target.value as RedactionPreset)}>
            {REDACTION_PRESETS.map((p) => (
              <option key={p} value={p}>
                {PRESET_NAMES[p]}
              </option>
            ))}
          </select>
        </label>
      )}
      {how === 'term' && (
        <label className="field">
          <span>Words to find</span>
          <input value={term} maxLength={500} onChange={(e) => setTerm(e.target.value)} placeholder="e.g. Jane Roe (any case)" autoFocus />
        </label>
      )}
      {how === 'pattern' && (
        <label className="field">
          <span>Regular expression</span>
          <input
            className="mono"
            value={pattern}
            maxLength={500}
            spellCheck={false}
            onChange={(e) => setPattern(e.target.value)}
            placeholder="e.g. \bPT-\d{6}\b"
            autoFocus
          />
        </label>
      )}
      <Segmented legend="Search in" value={where} options={wheres} onChange={setWhere} />
      {where === 'selected' && selectedNos.length > 0 && (
        <p className="scope-list muted num">
          {selectedNos.slice(0, 12).join(', ')}
          {selectedNos.length > 12 ? ', …' : ''}
        </p>
      )}
      <ReasonField value={reason} onChange={setReason} />
      <p className="muted redaction-note">Nothing is redacted until you review the hits: each is proposed first, for you to check.</p>
      <FormFooter error={error} onCancel={onClose} busy={phase.state === 'finding'} submitLabel={phase.state === 'finding' ? 'Finding…' : 'Find'} />
    </form>
  );
}
