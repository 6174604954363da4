// A small SVG line chart (log x axis) of search latency against case size, written from the measured numbers.

export interface Series {
  label: string;
  color: string;
  points: { x: number; y: number }[];
}

const W = 640;
const H = 360;
const M = { left: 64, right: 150, top: 36, bottom: 48 };

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function niceMax(v: number): number {
  const step = 10 ** Math.floor(Math.log10(v));
  return Math.ceil(v / step) * step;
}

/** Lines with dots over a log-scaled x axis (one tick per decade) and a linear y axis from 0. */
export function lineChartSvg(title: string, xLabel: string, yLabel: string, series: Series[], targets: { y: number; label: string }[] = []): string {
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = [...series.flatMap((s) => s.points.map((p) => p.y)), ...targets.map((t) => t.y)];
  const x0 = Math.log10(Math.min(...xs));
  const x1 = Math.max(Math.log10(Math.max(...xs)), x0 + 1);
  const yMax = niceMax(Math.max(...ys) * 1.05);
  const px = (x: number) => M.left + ((Math.log10(x) - x0) / (x1 - x0)) * (W - M.left - M.right);
  const py = (y: number) => H - M.bottom - (y / yMax) * (H - M.top - M.bottom);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2 - M.right / 2 + M.left / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>`,
  ];
  for (let i = 0; i <= 4; i++) {
    const y = (yMax / 4) * i;
    out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${py(y)}" y2="${py(y)}" stroke="#e3e3e3"/>`);
    out.push(`<text x="${M.left - 6}" y="${py(y) + 4}" text-anchor="end">${Math.round(y)}</text>`);
  }
  for (let d = Math.ceil(x0); d <= Math.floor(x1); d++) {
    const x = px(10 ** d);
    out.push(`<line x1="${x}" x2="${x}" y1="${M.top}" y2="${H - M.bottom}" stroke="#e3e3e3"/>`);
    out.push(`<text x="${x}" y="${H - M.bottom + 16}" text-anchor="middle">${(10 ** d).toLocaleString('en-US')}</text>`);
  }
  out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#333"/>`);
  out.push(`<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${H - M.bottom}" stroke="#333"/>`);
  out.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - 10}" text-anchor="middle">${esc(xLabel)}</text>`);
  out.push(`<text transform="translate(16 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`);
  for (const t of targets) {
    out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${py(t.y)}" y2="${py(t.y)}" stroke="#b00" stroke-dasharray="5 4"/>`);
    out.push(`<text x="${W - M.right + 6}" y="${py(t.y) + 4}" fill="#b00">${esc(t.label)}</text>`);
  }
  series.forEach((s, i) => {
    const path = s.points.map((p, k) => `${k ? 'L' : 'M'}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ');
    out.push(`<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
    for (const p of s.points) out.push(`<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="3.5" fill="${s.color}"/>`);
    const ly = M.top + 10 + i * 20;
    out.push(`<line x1="${W - M.right + 6}" x2="${W - M.right + 26}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"/>`);
    out.push(`<text x="${W - M.right + 32}" y="${ly + 4}">${esc(s.label)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
