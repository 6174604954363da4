// The chronology's zoomable time band: facts and dated exhibits in two lanes on one canvas (so ten thousand facts
// cost a paint, not ten thousand elements), zoomed with Ctrl+wheel, + and − or the buttons, panned by dragging or the
// arrow keys. A fact clicked here is selected in the list, and the list's selection is marked here; an exhibit clicked
// opens it. Its marks are mirrored by the list of facts and the exhibits grid, which is how the keyboard reaches them.
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Exhibit, Fact } from '../../../shared/model.ts';
import { Icon } from '../../components/Icon.tsx';
import { plural } from '../../components/format.ts';
import { paintBand, type Painted } from './band-draw.ts';
import { axisFor, describeView } from './band-axis.ts';
import {
  BAND_LAYOUT,
  byStart,
  exhibitMark,
  extentOf,
  factMark,
  fitView,
  glyphAt,
  MIN_SPAN_MS,
  panView,
  revealView,
  timeWidth,
  zoomView,
  type Glyph,
  type TimeView,
} from './band-geometry.ts';

interface TimeBandProps {
  facts: readonly Fact[];
  exhibits: readonly Exhibit[];
  selectedId: number | null;
  onSelectFact: (id: number) => void;
  onOpenExhibit: (id: number) => void;
  /** The band fits its facts again whenever this changes: the filters whose facts it was given. */
  fitKey: string;
  /** True while the list is still arriving. */
  loading: boolean;
}

interface Hover {
  x: number;
  lane: 'facts' | 'exhibits';
  glyph: Glyph;
}

const ZOOM_STEP = 2;

export function TimeBand({ facts, exhibits, selectedId, onSelectFact, onOpenExhibit, fitKey, loading }: TimeBandProps) {
  const surfaceRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const painted = useRef<Painted | null>(null);
  const [width, setWidth] = useState(0);
  const [view, setView] = useState<TimeView | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const [themeTick, setThemeTick] = useState(0);
  const helpId = useId();

  const factMarks = useMemo(() => byStart(facts.map(factMark)), [facts]);
  const exhibitMarks = useMemo(() => byStart(exhibits.map(exhibitMark)), [exhibits]);
  const factsById = useMemo(() => new Map(facts.map((f) => [f.id, f])), [facts]);
  const exhibitsById = useMemo(() => new Map(exhibits.map((e) => [e.id, e])), [exhibits]);
  const markOf = useMemo(() => new Map(factMarks.map((m) => [m.id, m])), [factMarks]);
  const extent = useMemo(() => {
    const f = extentOf(factMarks);
    const e = extentOf(exhibitMarks);
    if (f && e) return { start: Math.min(f.start, e.start), end: Math.max(f.end, e.end) };
    return f ?? e;
  }, [factMarks, exhibitMarks]);

  // Fitted to the facts when the filters change and when the first facts arrive; the user's zoom is kept otherwise.
  const fittedTo = useRef<{ key: string; hadFacts: boolean } | null>(null);
  useEffect(() => {
    const was = fittedTo.current;
    const hasFacts = factMarks.length > 0;
    if (was && was.key === fitKey && (was.hadFacts || !hasFacts)) return;
    if (!extent) return;
    fittedTo.current = { key: fitKey, hadFacts: hasFacts };
    setView(fitView(extentOf(factMarks) ?? extent, Date.now()));
  }, [fitKey, factMarks, extent]);

  useLayoutEffect(() => {
    const el = surfaceRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry!.contentRect.width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // The canvas takes its colours from the theme's variables, so it is painted again when the theme changes.
  useEffect(() => {
    const observer = new MutationObserver(() => setThemeTick((n) => n + 1));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const surface = surfaceRef.current;
    if (!canvas || !surface || !view || width === 0) return;
    const began = performance.now();
    painted.current = paintBand({ canvas, width, view, facts: factMarks, exhibits: exhibitMarks, selectedId });
    // Read by the tests and the benchmark: the period shown, how many facts the visible marks stand for, the paint's cost.
    surface.dataset.start = new Date(view.start).toISOString();
    surface.dataset.end = new Date(view.end).toISOString();
    surface.dataset.facts = String(painted.current.facts.reduce((n, g) => n + g.ids.length, 0));
    surface.dataset.selected = painted.current.selected ? String(Math.round(painted.current.selected.x)) : '';
    surface.dataset.paintMs = (performance.now() - began).toFixed(2);
  }, [view, width, factMarks, exhibitMarks, selectedId, themeTick]);

  // A fact newly chosen in the list is brought into view if it is off the band (once: the user may then pan away).
  const revealed = useRef<number | null>(null);
  useEffect(() => {
    const mark = selectedId === null ? undefined : markOf.get(selectedId);
    if (!mark || revealed.current === selectedId) return;
    revealed.current = selectedId;
    setView((v) => v && revealView(v, (mark.start + mark.end) / 2));
  }, [selectedId, markOf]);

  // Positions along time are measured from the gutter's edge, over the width right of it.
  const span = timeWidth(width);
  const timeAt = useCallback((x: number) => (view ? view.start + (x / span) * (view.end - view.start) : 0), [view, span]);

  /** Zooms about the selected fact when it is on the band, else about the middle. */
  const zoomBy = useCallback(
    (factor: number, anchor?: number) =>
      setView((v) => {
        if (!v) return v;
        const mark = selectedId === null ? undefined : markOf.get(selectedId);
        const at = mark ? (mark.start + mark.end) / 2 : undefined;
        return zoomView(v, factor, anchor ?? (at !== undefined && at > v.start && at < v.end ? at : undefined));
      }),
    [selectedId, markOf],
  );
  const fit = useCallback(() => setView(fitView(extentOf(factMarks) ?? extent, Date.now())), [factMarks, extent]);

  // Ctrl+wheel zooms about the pointer and a sideways wheel pans; React's wheel handler cannot prevent the page's zoom.
  useEffect(() => {
    const el = surfaceRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!view) return;
      const x = e.clientX - el.getBoundingClientRect().left - BAND_LAYOUT.gutter;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        zoomBy(Math.exp(-e.deltaY * 0.002), timeAt(x));
      } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        e.preventDefault();
        const px = e.deltaX || e.deltaY;
        setView((v) => v && panView(v, (px / span) * (v.end - v.start), extent));
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [view, span, extent, timeAt, zoomBy]);

  const drag = useRef<{ x: number; view: TimeView; moved: boolean } | null>(null);

  function hitAt(clientX: number, clientY: number): Hover | null {
    const el = surfaceRef.current;
    const p = painted.current;
    if (!el || !p) return null;
    const box = el.getBoundingClientRect();
    const x = clientX - box.left - BAND_LAYOUT.gutter;
    const y = clientY - box.top;
    const L = BAND_LAYOUT;
    if (y >= L.exhibitsTop) {
      const glyph = glyphAt(p.exhibits, x, 'points');
      return glyph && { x, lane: 'exhibits', glyph };
    }
    if (y < L.factsTop) return null;
    const row = y < L.factBarsY - 3 ? 'points' : Math.min(L.barRows - 1, Math.floor((y - L.factBarsY + 1) / L.barPitch));
    const glyph = glyphAt(p.facts, x, row) ?? glyphAt(p.facts, x, 'points');
    return glyph && { x, lane: 'facts', glyph };
  }

  function activate(hit: Hover) {
    const { glyph, lane } = hit;
    const ids = glyph.ids;
    if (ids.length > 1 && view && view.end - view.start > MIN_SPAN_MS * 1.01) {
      // A cluster opens up: the band zooms to the period its marks cover.
      const span = Math.max(MIN_SPAN_MS, (glyph.end - glyph.start) * 1.6);
      const middle = (glyph.start + glyph.end) / 2;
      setView({ start: middle - span / 2, end: middle + span / 2 });
      return;
    }
    if (lane === 'exhibits') return onOpenExhibit(ids[0]!);
    // At the closest zoom a cluster's facts are taken one after another, a click at a time.
    const at = selectedId === null ? -1 : ids.indexOf(selectedId);
    onSelectFact(ids[(at + 1) % ids.length]!);
  }

  function onPointerDown(e: PointerEvent<HTMLDivElement>) {
    if (e.button !== 0 || !view) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, view, moved: false };
  }

  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    const d = drag.current;
    if (d) {
      const dx = e.clientX - d.x;
      if (!d.moved && Math.abs(dx) < 4) return;
      d.moved = true;
      setHover(null);
      setView(panView(d.view, (-dx / span) * (d.view.end - d.view.start), extent));
      return;
    }
    const hit = hitAt(e.clientX, e.clientY);
    setHover((h) => (h?.glyph === hit?.glyph ? h : hit));
  }

  function onPointerUp(e: PointerEvent<HTMLDivElement>) {
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved) return;
    const hit = hitAt(e.clientX, e.clientY);
    if (hit) activate(hit);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (!view || e.ctrlKey || e.metaKey || e.altKey) return;
    const span = view.end - view.start;
    const pan = (fraction: number) => setView((v) => v && panView(v, span * fraction, extent));
    const keys: Record<string, () => void> = {
      ArrowLeft: () => pan(e.shiftKey ? -0.5 : -0.125),
      ArrowRight: () => pan(e.shiftKey ? 0.5 : 0.125),
      '+': () => zoomBy(ZOOM_STEP),
      '=': () => zoomBy(ZOOM_STEP),
      '-': () => zoomBy(1 / ZOOM_STEP),
      _: () => zoomBy(1 / ZOOM_STEP),
      '0': fit,
      Home: () => extent && setView({ start: extent.start - span * 0.05, end: extent.start + span * 0.95 }),
      End: () => extent && setView({ start: extent.end - span * 0.95, end: extent.end + span * 0.05 }),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    e.stopPropagation();
    action();
  }

  const shown = view && width > 0 ? describeView(view, axisFor(view, span).grain) : '';
  const dated = factMarks.length;
  const datedExhibits = exhibitMarks.length;

  return (
    <section className="time-band" aria-label="Timeline">
      <div className="time-band-bar">
        <span className="time-band-range num">{shown}</span>
        <span className="time-band-counts muted">
          {loading ? 'Reading the facts…' : plural(dated, 'dated fact')} · {plural(datedExhibits, 'dated exhibit')}
          {facts.length > dated ? ` · ${facts.length - dated} undated (in the list only)` : ''}
        </span>
        <span className="time-band-buttons">
          <button type="button" className="icon-button small" aria-label="Zoom out of the timeline" title="Zoom out (−)" onClick={() => zoomBy(1 / ZOOM_STEP)}>
            <Icon name="zoomOut" size={15} />
          </button>
          <button type="button" className="icon-button small" aria-label="Zoom in on the timeline" title="Zoom in (+)" onClick={() => zoomBy(ZOOM_STEP)}>
            <Icon name="zoomIn" size={15} />
          </button>
          <button type="button" className="text-button small" onClick={fit} title="Show every fact (0)">
            Fit
          </button>
        </span>
      </div>
      <div
        ref={surfaceRef}
        className="time-band-surface"
        role="group"
        aria-label={`Time band, ${shown}`}
        aria-describedby={helpId}
        tabIndex={0}
        style={{ height: BAND_LAYOUT.height }}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (drag.current = null)}
        onPointerLeave={() => !drag.current && setHover(null)}
      >
        <canvas ref={canvasRef} aria-hidden="true" style={{ width: '100%', height: BAND_LAYOUT.height }} />
        {hover && <BandTip hover={hover} factsById={factsById} exhibitsById={exhibitsById} width={span} />}
      </div>
      <p id={helpId} className="visually-hidden">
        Arrow keys move along the timeline, plus and minus zoom, 0 fits every fact. Its facts are the list below, in the same
        order, and its exhibits are the dated rows of the exhibits grid.
      </p>
    </section>
  );
}

function BandTip({ hover, factsById, exhibitsById, width }: { hover: Hover; factsById: Map<number, Fact>; exhibitsById: Map<number, Exhibit>; width: number }) {
  const { glyph, lane } = hover;
  const L = BAND_LAYOUT;
  const left = L.gutter + Math.min(Math.max((glyph.type === 'point' ? glyph.x : hover.x) - 12, 4), Math.max(4, width - 284));
  // Below the mark in the facts lane, above it in the exhibits lane, so the tip never hides what it describes.
  const place =
    lane === 'exhibits'
      ? { bottom: L.height - L.exhibitsTop + 4 }
      : { top: glyph.type === 'point' ? L.factPointsY + 12 : L.factBarsY + glyph.row * L.barPitch + L.barHeight + 6 };
  let title: string;
  let body: string;
  if (glyph.ids.length > 1) {
    const noun = lane === 'facts' ? 'fact' : 'exhibit';
    title = plural(glyph.ids.length, noun);
    const first = lane === 'facts' ? factsById.get(glyph.ids[0]!)?.date.display : exhibitsById.get(glyph.ids[0]!)?.exhibitNo;
    body = `From ${first ?? '…'}. Click to zoom in.`;
  } else if (lane === 'facts') {
    const f = factsById.get(glyph.ids[0]!);
    title = f ? `${f.date.display}${f.key ? ' · key fact' : ''}` : '';
    body = f ? clip(f.statement) : '';
  } else {
    const e = exhibitsById.get(glyph.ids[0]!);
    title = e ? `${e.exhibitNo} · ${e.date?.slice(0, 10) ?? ''}` : '';
    body = e ? `${clip(e.title)} Click to open.` : '';
  }
  return (
    <div className="time-band-tip" aria-hidden="true" style={{ left, ...place }}>
      <strong>{title}</strong>
      <span>{body}</span>
    </div>
  );
}

const clip = (s: string) => (s.length > 140 ? `${s.slice(0, 140)}…` : s);
