// Paints the time band on a canvas: the axis, the facts lane (days as points, periods as bars, open ends fading out,
// key facts in the accent colour), the exhibits lane, clusters with their count, and the selected fact's guide line.
import { axisFor, type Axis } from './band-axis.ts';
import { BAND_LAYOUT, countLabel, layoutLane, timeWidth, type BandMark, type Glyph, type TimeView } from './band-geometry.ts';

/** The laid-out lanes of the last paint, for hit testing and for the tests' counts. */
export interface Painted {
  facts: Glyph[];
  exhibits: Glyph[];
  axis: Axis;
  /** The glyph the selected fact is drawn in, when it is on the band. */
  selected: Glyph | null;
}

interface Palette {
  surface: string;
  surface3: string;
  border: string;
  text: string;
  text2: string;
  text3: string;
  accent: string;
  onAccent: string;
  focus: string;
  exhibit: string;
  font: string;
}

function palette(el: Element): Palette {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    surface: v('--surface'),
    surface3: v('--surface-3'),
    border: v('--border-strong'),
    text: v('--text'),
    text2: v('--text-2'),
    text3: v('--text-3'),
    accent: v('--accent'),
    onAccent: v('--on-accent'),
    focus: v('--focus'),
    exhibit: v('--warn'),
    font: css.fontFamily,
  };
}

export interface PaintInput {
  canvas: HTMLCanvasElement;
  /** The whole band's width; time runs over the part right of the gutter. */
  width: number;
  view: TimeView;
  facts: readonly BandMark[];
  exhibits: readonly BandMark[];
  selectedId: number | null;
}

export function paintBand({ canvas, width: bandWidth, view, facts, exhibits, selectedId }: PaintInput): Painted {
  const L = BAND_LAYOUT;
  const dpr = window.devicePixelRatio || 1;
  const w = Math.round(bandWidth * dpr);
  const h = Math.round(L.height * dpr);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d')!;
  const p = palette(canvas);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = p.surface;
  ctx.fillRect(0, 0, bandWidth, L.height);
  laneLabel(ctx, p, 'Facts', L.factsTop + 21);
  laneLabel(ctx, p, 'Exhibits', L.exhibitsTop + 19);
  ctx.strokeStyle = p.border;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(L.gutter - 0.5, 0);
  ctx.lineTo(L.gutter - 0.5, L.height);
  ctx.stroke();

  // From here on x is measured from the gutter's edge, and nothing is drawn over the gutter.
  const width = timeWidth(bandWidth);
  ctx.save();
  ctx.setTransform(dpr, 0, 0, dpr, L.gutter * dpr, 0);
  ctx.beginPath();
  ctx.rect(0, 0, width, L.height);
  ctx.clip();

  const axis = axisFor(view, width);
  const x = (t: number) => ((t - view.start) / (view.end - view.start)) * width;
  drawAxis(ctx, p, axis, x, width);

  const factGlyphs = layoutLane(facts, view, width, L.barRows);
  const selected = selectedId === null ? null : factGlyphs.find((g) => g.ids.includes(selectedId)) ?? null;
  const painted: Painted = { facts: factGlyphs, exhibits: layoutLane(exhibits, view, width, 1), axis, selected };
  ctx.strokeStyle = p.border;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(-L.gutter, L.exhibitsTop + 0.5);
  ctx.lineTo(width, L.exhibitsTop + 0.5);
  ctx.stroke();

  if (selected) {
    ctx.strokeStyle = p.focus;
    ctx.globalAlpha = 0.5;
    ctx.beginPath();
    ctx.moveTo(Math.round(selected.x) + 0.5, L.axis);
    ctx.lineTo(Math.round(selected.x) + 0.5, L.height);
    ctx.stroke();
    ctx.globalAlpha = 1;
  }
  for (const g of painted.facts) if (g.type === 'bar') drawBar(ctx, p, g, width);
  for (const g of painted.facts) if (g.type === 'point') drawFactPoint(ctx, p, g);
  for (const g of painted.exhibits) drawExhibitPoint(ctx, p, g);
  if (selected) drawSelection(ctx, p, selected);
  ctx.restore();
  return painted;
}

function drawAxis(ctx: CanvasRenderingContext2D, p: Palette, axis: Axis, x: (t: number) => number, width: number): void {
  const L = BAND_LAYOUT;
  ctx.font = `11px ${p.font}`;
  ctx.textBaseline = 'alphabetic';
  ctx.lineWidth = 1;
  for (const t of axis.ticks) {
    const at = Math.round(x(t.at)) + 0.5;
    ctx.strokeStyle = p.border;
    ctx.globalAlpha = 0.55;
    ctx.beginPath();
    ctx.moveTo(at, 18);
    ctx.lineTo(at, L.height);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.fillStyle = p.text2;
    ctx.fillText(t.label, at + 3, 29);
  }
  // The month or year each tick falls in, and the one the view opens in held at the left edge until the next arrives.
  ctx.font = `600 11px ${p.font}`;
  ctx.fillStyle = p.text;
  const context = axis.context;
  for (let i = 0; i < context.length; i++) {
    const c = context[i]!;
    const next = context[i + 1];
    const labelWidth = ctx.measureText(c.label).width;
    let at = Math.max(x(c.at) + 3, 4);
    if (next) at = Math.min(at, x(next.at) - labelWidth - 8);
    // Pushed off the left edge by the next label: that one names what is shown there.
    if (at < 2 || at > width) continue;
    ctx.fillText(c.label, at, 13);
    if (x(c.at) > 0) {
      ctx.strokeStyle = p.text3;
      ctx.beginPath();
      ctx.moveTo(Math.round(x(c.at)) + 0.5, 3);
      ctx.lineTo(Math.round(x(c.at)) + 0.5, 18);
      ctx.stroke();
    }
  }
  ctx.strokeStyle = p.border;
  ctx.beginPath();
  ctx.moveTo(-L.gutter, L.axis + 0.5);
  ctx.lineTo(width, L.axis + 0.5);
  ctx.stroke();
}

function laneLabel(ctx: CanvasRenderingContext2D, p: Palette, text: string, y: number): void {
  ctx.font = `600 10px ${p.font}`;
  ctx.fillStyle = p.text3;
  ctx.fillText(text.toUpperCase(), 10, y);
}

function badge(ctx: CanvasRenderingContext2D, p: Palette, g: Glyph, y: number, stroke: string): void {
  const label = countLabel(g.ids.length);
  ctx.font = `600 10px ${p.font}`;
  const w = Math.max(16, ctx.measureText(label).width + 8);
  ctx.fillStyle = p.surface3;
  ctx.strokeStyle = stroke;
  ctx.lineWidth = 1.25;
  ctx.beginPath();
  ctx.roundRect(g.x - w / 2, y - 8, w, 16, 8);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = p.text;
  ctx.textAlign = 'center';
  ctx.fillText(label, g.x, y + 3.5);
  ctx.textAlign = 'start';
}

function drawFactPoint(ctx: CanvasRenderingContext2D, p: Palette, g: Glyph): void {
  const y = BAND_LAYOUT.factPointsY;
  if (g.ids.length > 1) return badge(ctx, p, g, y, g.key ? p.accent : p.text3);
  const r = g.key ? 5.5 : 4.5;
  ctx.beginPath();
  ctx.arc(g.x, y, r, 0, Math.PI * 2);
  ctx.lineWidth = 1.5;
  if (g.proposed) {
    ctx.setLineDash([2, 2]);
    ctx.strokeStyle = p.text3;
    ctx.fillStyle = p.surface;
    ctx.fill();
    ctx.stroke();
    ctx.setLineDash([]);
    return;
  }
  ctx.fillStyle = g.key ? p.accent : p.text2;
  ctx.globalAlpha = g.circa ? 0.5 : 1;
  ctx.fill();
  ctx.globalAlpha = 1;
  if (g.circa) {
    ctx.setLineDash([2, 2]);
    ctx.strokeStyle = g.key ? p.accent : p.text2;
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

function drawBar(ctx: CanvasRenderingContext2D, p: Palette, g: Glyph, width: number): void {
  const L = BAND_LAYOUT;
  const y = L.factBarsY + g.row * L.barPitch;
  const colour = g.key ? p.accent : p.text2;
  // Bars far wider than the band are cut to it, so a century's bar at the closest zoom stays cheap to draw.
  const x0 = Math.max(g.x0, -4);
  const x1 = Math.min(g.x1, width + 4);
  if (g.open) {
    // An open end fades out towards the side time is open on, with a tip at the moment it names.
    const fade = ctx.createLinearGradient(g.x0, 0, g.x1, 0);
    const solid = g.open === 'before' ? 1 : 0;
    fade.addColorStop(solid, colour);
    fade.addColorStop(1 - solid, 'transparent');
    ctx.fillStyle = fade;
    ctx.globalAlpha = 0.75;
    ctx.fillRect(x0, y, x1 - x0, L.barHeight);
    ctx.globalAlpha = 1;
    const tip = g.open === 'before' ? g.x1 : g.x0;
    ctx.fillStyle = colour;
    ctx.fillRect(tip - 1, y - 2, 2, L.barHeight + 4);
  } else {
    ctx.fillStyle = colour;
    ctx.globalAlpha = g.circa || g.proposed ? 0.22 : 0.35;
    ctx.beginPath();
    ctx.roundRect(x0, y, Math.max(2, x1 - x0), L.barHeight, 3);
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.strokeStyle = colour;
    ctx.lineWidth = 1;
    if (g.circa || g.proposed) ctx.setLineDash([3, 2]);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (g.ids.length > 1 && x1 - x0 > 22) {
    ctx.font = `700 8px ${p.font}`;
    ctx.fillStyle = p.text;
    ctx.fillText(countLabel(g.ids.length), Math.max(x0, 0) + 4, y + L.barHeight - 1);
  }
}

function drawExhibitPoint(ctx: CanvasRenderingContext2D, p: Palette, g: Glyph): void {
  const y = BAND_LAYOUT.exhibitPointsY;
  if (g.ids.length > 1) return badge(ctx, p, g, y, p.exhibit);
  ctx.fillStyle = p.exhibit;
  ctx.fillRect(g.x - 3.5, y - 4.5, 7, 9);
}

function drawSelection(ctx: CanvasRenderingContext2D, p: Palette, g: Glyph): void {
  const L = BAND_LAYOUT;
  ctx.strokeStyle = p.focus;
  ctx.lineWidth = 2;
  ctx.beginPath();
  if (g.type === 'point') ctx.arc(g.x, L.factPointsY, g.ids.length > 1 ? 11 : 8.5, 0, Math.PI * 2);
  else ctx.rect(g.x0 - 2, L.factBarsY + g.row * L.barPitch - 2, g.x1 - g.x0 + 4, L.barHeight + 4);
  ctx.stroke();
}
