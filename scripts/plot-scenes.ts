// `npx tsx scripts/plot-scenes.ts [FILE.tfrecord] [--out PATH.svg] [--png] [--count N]
// [--layouts a,b]`: draws
// scenes (map, every track's path, boxes at the current step, the pair and its conflict point,
// and the sidecar truth when FILE.truth.json or demo.truth.json sits next to the file) into one
// SVG grid; --png also renders it with headless Chromium. Defaults to the bundled demo set.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  featurePoints,
  interactingPair,
  MapKind,
  RoadLineType,
  type Scene,
  S_HEADING,
  S_LENGTH,
  S_VALID,
  S_WIDTH,
  S_X,
  S_Y,
  F,
} from '../src/scene/scene';
import type { SynthTruth } from '../src/synth';
import { ScenarioFile } from '../src/waymo';
import { nodeFileSource } from '../src/waymo/node-file';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'scratch/plots/scenes.svg' },
    png: { type: 'boolean', default: false },
    count: { type: 'string', default: '12' },
    layouts: { type: 'string' },
  },
});
const file = resolve(positionals[0] ?? 'public/demo/demo.tfrecord');
const truthPath = [`${file}.truth.json`, file.replace(/\.tfrecord$/, '.truth.json')].find(existsSync);
const truths = new Map<string, SynthTruth>();
if (truthPath)
  for (const t of (JSON.parse(readFileSync(truthPath, 'utf8')) as { scenes: SynthTruth[] }).scenes)
    truths.set(t.id, t);

const sf = await ScenarioFile.open(await nodeFileSource(file));
const scenes: Scene[] = [];
for await (const { scene } of sf.scenes()) if (scene) scenes.push(scene);
await sf.close();
// One per layout and pass order first, so a handful of panels shows the variety.
const picked: Scene[] = [];
const seen = new Set<string>();
const only = values.layouts?.split(',');
for (const s of scenes) {
  const t = truths.get(s.id);
  if (only && !(t && only.includes(t.layout))) continue;
  const key = t ? `${t.layout}/${t.first}` : s.id;
  if (!seen.has(key)) {
    seen.add(key);
    picked.push(s);
  }
}
const chosen = picked.slice(0, Number(values.count));

const PANEL = 420;
const HALF = 55;
const COLS = 3;
const LINE_COLORS: Record<number, string> = {
  [RoadLineType.SolidDoubleYellow]: '#d4a000',
  [RoadLineType.SolidSingleYellow]: '#d4a000',
  [RoadLineType.BrokenSingleYellow]: '#d4a000',
};

function panel(scene: Scene, px: number, py: number): string {
  const t = truths.get(scene.id);
  const pair = interactingPair(scene);
  const T = scene.tracks.steps;
  const st = scene.tracks.state;
  const cur = scene.currentIndex;
  const o = (i: number, k: number) => (i * T + k) * F;
  let cx = 0;
  let cy = 0;
  if (pair) {
    cx = (st[o(pair[0], cur) + S_X]! + st[o(pair[1], cur) + S_X]!) / 2;
    cy = (st[o(pair[0], cur) + S_Y]! + st[o(pair[1], cur) + S_Y]!) / 2;
  }
  if (t?.conflict) {
    cx = t.conflict.x - scene.origin[0];
    cy = t.conflict.y - scene.origin[1];
  }
  const k = PANEL / (2 * HALF);
  const X = (x: number) => (px + (x - cx) * k + PANEL / 2).toFixed(1);
  const Y = (y: number) => (py - (y - cy) * k + PANEL / 2).toFixed(1);
  const out: string[] = [];
  out.push(
    `<clipPath id="c${px}_${py}"><rect x="${px}" y="${py}" width="${PANEL}" height="${PANEL}"/></clipPath>`,
  );
  out.push(
    `<g clip-path="url(#c${px}_${py})"><rect x="${px}" y="${py}" width="${PANEL}" height="${PANEL}" fill="#f4f4f0"/>`,
  );
  const m = scene.map;
  for (let i = 0; i < m.count; i++) {
    const p = featurePoints(m, i);
    const pts: string[] = [];
    for (let q = 0; q < p.length; q += 3) pts.push(`${X(p[q]!)},${Y(p[q + 1]!)}`);
    const kind = m.kinds[i];
    if (kind === MapKind.Lane)
      out.push(
        `<polyline points="${pts.join(' ')}" fill="none" stroke="#b8c4d6" stroke-width="1" stroke-dasharray="3 3"/>`,
      );
    else if (kind === MapKind.RoadLine)
      out.push(
        `<polyline points="${pts.join(' ')}" fill="none" stroke="${LINE_COLORS[m.subtypes[i]!] ?? '#999'}" stroke-width="1.2"/>`,
      );
    else if (kind === MapKind.RoadEdge)
      out.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="#333" stroke-width="1.6"/>`);
    else if (kind === MapKind.Crosswalk)
      out.push(`<polygon points="${pts.join(' ')}" fill="#ddd" stroke="#777" stroke-width="0.8"/>`);
    else if (kind === MapKind.StopSign)
      out.push(`<circle cx="${X(p[0]!)}" cy="${Y(p[1]!)}" r="4" fill="#c00"/>`);
  }
  // Signal stop points coloured by their state at the current step.
  const sg = scene.signals;
  for (let q = sg.starts[cur]!; q < sg.starts[cur + 1]!; q++) {
    const s = sg.states[q]!;
    const col =
      s === 4 || s === 1 ? '#d00' : s === 5 || s === 2 ? '#e90' : s === 6 || s === 3 ? '#0a0' : '#888';
    out.push(
      `<circle cx="${X(sg.stopPoints[q * 3]!)}" cy="${Y(sg.stopPoints[q * 3 + 1]!)}" r="2.5" fill="${col}"/>`,
    );
  }
  for (let i = 0; i < scene.tracks.count; i++) {
    const isA = pair?.[0] === i;
    const isB = pair?.[1] === i;
    const col = isA ? '#1f5fd6' : isB ? '#e0701a' : i === scene.sdc ? '#7a3db8' : '#666';
    const pts: string[] = [];
    for (let q = 0; q < T; q++)
      if (st[o(i, q) + S_VALID]) pts.push(`${X(st[o(i, q) + S_X]!)},${Y(st[o(i, q) + S_Y]!)}`);
    if (pts.length > 1)
      out.push(
        `<polyline points="${pts.join(' ')}" fill="none" stroke="${col}" stroke-width="${isA || isB ? 1.8 : 0.8}" opacity="0.8"/>`,
      );
    for (const [step, op] of [
      [cur, 1],
      ...(isA || isB
        ? [
            [40, 0.45],
            [70, 0.3],
          ]
        : []),
    ] as [number, number][]) {
      const a = o(i, step);
      if (!st[a + S_VALID]) continue;
      const h = st[a + S_HEADING]!;
      const l = st[a + S_LENGTH]! * k;
      const w = st[a + S_WIDTH]! * k;
      const deg = (-h * 180) / Math.PI;
      out.push(
        `<rect x="${(-l / 2).toFixed(1)}" y="${(-w / 2).toFixed(1)}" width="${l.toFixed(1)}" height="${w.toFixed(1)}" fill="${col}" fill-opacity="${op}" stroke="#000" stroke-width="0.4" transform="translate(${X(st[a + S_X]!)} ${Y(st[a + S_Y]!)}) rotate(${deg.toFixed(1)})"/>`,
      );
    }
  }
  if (t?.conflict)
    out.push(`<circle cx="${X(cx)}" cy="${Y(cy)}" r="5" fill="none" stroke="#c00" stroke-width="1.5"/>`);
  out.push('</g>');
  const label = t
    ? `${t.layout}: ${t.interactive ? `${t.first} first${t.yielder ? `, ${t.yielder} yields` : ''} (tA ${t.tA ?? '-'} s, tB ${t.tB ?? '-'} s)` : 'no interaction'}`
    : '';
  out.push(`<text x="${px + 6}" y="${py + 16}" font-size="12" font-family="sans-serif">${scene.id}</text>`);
  out.push(`<text x="${px + 6}" y="${py + 32}" font-size="12" font-family="sans-serif">${label}</text>`);
  out.push(
    `<text x="${px + 6}" y="${py + PANEL - 8}" font-size="10" font-family="sans-serif" fill="#555">A blue, B orange, SDC purple; boxes at 1, 4, 7 s; 10 m = ${(10 * k).toFixed(0)} px</text>`,
  );
  return out.join('\n');
}

const rows = Math.ceil(chosen.length / COLS);
const W = COLS * PANEL + (COLS + 1) * 6;
const H = rows * PANEL + (rows + 1) * 6;
const body = chosen
  .map((s, i) => panel(s, 6 + (i % COLS) * (PANEL + 6), 6 + Math.floor(i / COLS) * (PANEL + 6)))
  .join('\n');
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><rect width="${W}" height="${H}" fill="#fff"/>\n${body}\n</svg>\n`;
const out = resolve(values.out);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, svg);
console.log(`${out}: ${chosen.length} scenes`);
if (values.png) {
  const png = out.replace(/\.svg$/, '.png');
  execFileSync(
    '/usr/bin/chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      `--screenshot=${png}`,
      `--window-size=${W},${H}`,
      `file://${out}`,
    ],
    { stdio: 'pipe' },
  );
  console.log(png);
}
