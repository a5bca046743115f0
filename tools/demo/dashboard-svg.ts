// Draws a Sheets basic chart (column or line, stacked or not) as an SVG, the way the Dashboard tab shows it,
// from its categories and series; the demo's dashboard page uses it since the sandbox draws no charts.

export interface DrawnChart {
  title: string;
  type: string;
  stacked: boolean;
  categories: string[];
  series: { name: string; values: number[] }[];
}

const WIDTH = 560;
const HEIGHT = 260;
const PAD = { left: 40, right: 12, top: 30, bottom: 58 };
const COLORS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6'];

export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A round top for the value axis: 1, 2 or 5 times a power of ten. */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= value)!;
}

export function chartSvg(chart: DrawnChart): string {
  const n = chart.categories.length;
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const totals = chart.categories.map((_, i) =>
    chart.stacked
      ? chart.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)
      : Math.max(0, ...chart.series.map((s) => s.values[i] ?? 0)),
  );
  const top = niceMax(Math.max(0, ...totals));
  const y = (v: number) => PAD.top + innerH - (v / top) * innerH;
  const band = innerW / Math.max(n, 1);
  const parts: string[] = [];
  for (const tick of [0, top / 2, top])
    parts.push(
      `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#e0e0e0"/>`,
      `<text x="${PAD.left - 6}" y="${y(tick) + 4}" text-anchor="end" class="tick">${tick}</text>`,
    );
  // Few categories stand upright under their bars ("4 — Examine practice…" as "Step 4"); 26 weeks are
  // labelled every fourth, slanted.
  const slanted = n > 12;
  chart.categories.forEach((label, i) => {
    if (slanted && i % 4) return;
    const x = PAD.left + band * i + band / 2;
    const at = HEIGHT - PAD.bottom + 14;
    parts.push(
      slanted
        ? `<text x="${x}" y="${at}" text-anchor="end" transform="rotate(-35 ${x} ${at})" class="tick">${escapeHtml(label)}</text>`
        : `<text x="${x}" y="${at}" text-anchor="middle" class="tick">${escapeHtml(short(label))}</text>`,
    );
  });
  if (chart.type === 'LINE') {
    chart.series.forEach((s, k) => {
      const points = s.values.map((v, i) => `${PAD.left + band * i + band / 2},${y(v)}`).join(' ');
      parts.push(
        `<polyline fill="none" stroke="${COLORS[k % COLORS.length]}" stroke-width="2.5" points="${points}"/>`,
        ...s.values.map(
          (v, i) =>
            `<circle cx="${PAD.left + band * i + band / 2}" cy="${y(v)}" r="2.5" fill="${COLORS[k % COLORS.length]}"><title>${escapeHtml(chart.categories[i] ?? '')}: ${v}</title></circle>`,
        ),
      );
    });
  } else {
    chart.categories.forEach((category, i) => {
      let base = 0;
      chart.series.forEach((s, k) => {
        const v = s.values[i] ?? 0;
        const width = chart.stacked ? band * 0.7 : (band * 0.7) / chart.series.length;
        const x = PAD.left + band * i + band * 0.15 + (chart.stacked ? 0 : width * k);
        const from = chart.stacked ? base : 0;
        parts.push(
          `<rect x="${x}" y="${y(from + v)}" width="${width}" height="${y(from) - y(from + v)}" fill="${COLORS[k % COLORS.length]}"><title>${escapeHtml(category)} — ${escapeHtml(s.name)}: ${v}</title></rect>`,
        );
        if (!chart.stacked && v > 0)
          parts.push(
            `<text x="${x + width / 2}" y="${y(v) - 3}" text-anchor="middle" class="tick">${v}</text>`,
          );
        base += chart.stacked ? v : 0;
      });
    });
  }
  const legend = chart.series
    .map(
      (s, k) =>
        `<span class="key"><i style="background:${COLORS[k % COLORS.length]}"></i>${escapeHtml(s.name)}</span>`,
    )
    .join(' ');
  return `<figure class="chart"><figcaption>${escapeHtml(chart.title)}</figcaption><svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeHtml(chart.title)}">${parts.join('')}</svg><div class="legend">${legend}</div></figure>`;
}

/** A step's label ("4 — Examine practice at the school level") reads as "Step 4" under its bar. */
function short(label: string): string {
  const step = /^(\d+) — /.exec(label);
  if (step) return `Step ${step[1]}`;
  return label.length > 14 ? `${label.slice(0, 13)}…` : label;
}
