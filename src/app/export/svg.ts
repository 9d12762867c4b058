// SVG figure of the map for papers (issue 17 item 4), built from the scene and the prediction,
// never from the canvas: the map's lanes, road lines (dashes and double lines as drawn) and road
// edges as paths, crosswalks, speed bumps and driveways as polygons, the agents at the time shown
// as rotated boxes in their type colour with their role outline, every predicted sample of the
// main map's prediction as a polyline in its mode's colour with opacity by the mode's probability
// (the same geometry and colours as the map: layers/predictions.ts predictionData), a legend of
// the modes and a scale bar in metres. Coordinates are the current camera's view projected to
// pixels of a width x height view box (north up at rotation 0, as on screen), so the figure frames
// what the map shows; line widths are pixels. The layer toggles apply as on screen.
import { poseAt } from '../../scene/interpolate';
import type { Scene } from '../../scene/scene';
import { modeName } from '../../model/registry';
import { agentData } from '../layers/agents';
import { mapGeometry, type MapPath, type MapPolygon } from '../layers/map';
import { predictionData } from '../layers/predictions';
import { AGENT_COLORS, BACKGROUND, modeColor, ROLE_COLORS, type RGBA } from '../palette';
import type { Camera, ViewerState } from '../store';

/** Pixel widths of the strokes: thin map lines, clear predictions, as on the screen's map. */
const MAP_PX = 1;
const EDGE_PX = 1.5;
const PRED_PX = 2;
const ANCHOR_PX = 1;
/** Coordinates to 0.1 px: far below what print resolves, and keeps the file small. */
const DIGITS = 1;
/** The scale bar aims at about a fifth of the figure's width, rounded to 1, 2 or 5 times 10^k m. */
const SCALE_BAR_FRACTION = 0.2;

const hex = (c: RGBA) => `#${[c[0], c[1], c[2]].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
const op = (c: RGBA) => (c[3] / 255).toFixed(2);
const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Scene metres to view-box pixels under `cam` (deck's RotatedOrthographicView, y down). */
export function projector(cam: Camera, width: number, height: number) {
  const s = 2 ** cam.zoom;
  const r = (cam.rotation * Math.PI) / 180;
  const c = Math.cos(r);
  const n = Math.sin(r);
  return (x: number, y: number): [number, number] => {
    const dx = x - cam.x;
    const dy = y - cam.y;
    return [width / 2 + (dx * c - dy * n) * s, height / 2 - (dx * n + dy * c) * s];
  };
}

type Project = ReturnType<typeof projector>;

/** `points` (flat x, y) as SVG points; null when every point is outside the view (with a margin). */
function pts(p: Float32Array | number[], proj: Project, w: number, h: number): string | null {
  const out: string[] = [];
  let inside = false;
  for (let i = 0; i + 1 < p.length; i += 2) {
    const [x, y] = proj(p[i]!, p[i + 1]!);
    if (x > -w * 0.1 && x < w * 1.1 && y > -h * 0.1 && y < h * 1.1) inside = true;
    out.push(`${x.toFixed(DIGITS)},${y.toFixed(DIGITS)}`);
  }
  return inside ? out.join(' ') : null;
}

function lines(id: string, data: MapPath[], px: number, proj: Project, w: number, h: number): string {
  const body = data.flatMap((d) => {
    const p = pts(d.path, proj, w, h);
    return p ? [`<polyline points="${p}" stroke="${hex(d.color)}" stroke-opacity="${op(d.color)}"/>`] : [];
  });
  return `<g id="${id}" fill="none" stroke-width="${px}" stroke-linecap="round" stroke-linejoin="round">${body.join('')}</g>`;
}

function areas(id: string, data: MapPolygon[], proj: Project, w: number, h: number): string {
  const body = data.flatMap((d) => {
    const p = pts(d.polygon, proj, w, h);
    return p ? [`<polygon points="${p}" fill="${hex(d.color)}" fill-opacity="${op(d.color)}"/>`] : [];
  });
  return `<g id="${id}" stroke="none">${body.join('')}</g>`;
}

function agents(scene: Scene, time: number, proj: Project, w: number, h: number): string {
  const roles = agentData(scene).roles;
  const out: string[] = [];
  for (let i = 0; i < scene.tracks.count; i++) {
    const p = poseAt(scene.tracks, i, time);
    if (!p) continue;
    const c = Math.cos(p.heading);
    const n = Math.sin(p.heading);
    const corners = [
      [1, 1],
      [1, -1],
      [-1, -1],
      [-1, 1],
    ].flatMap(([u, v]) => {
      const dx = (u! * p.length) / 2;
      const dy = (v! * p.width) / 2;
      return [p.x + dx * c - dy * n, p.y + dx * n + dy * c];
    });
    const q = pts(corners, proj, w, h);
    if (!q) continue;
    const fill = AGENT_COLORS[scene.tracks.types[i]!] ?? AGENT_COLORS[0]!;
    const line = ROLE_COLORS[roles[i] ?? 'none'];
    out.push(
      `<polygon data-track="${scene.tracks.ids[i]}" points="${q}" fill="${hex(fill)}" fill-opacity="${op(fill)}" stroke="${hex(line)}" stroke-width="${roles[i] === 'none' ? 1 : 2}"/>`,
    );
  }
  return `<g id="agents">${out.join('')}</g>`;
}

function predictions(s: ViewerState & { scene: Scene }, proj: Project, w: number, h: number): string {
  const pred = s.prediction;
  if (!pred || !s.layers.predictions || pred.sceneId !== s.scene.id) return '';
  const d = predictionData(s.scene, pred, s.predict.shownMode);
  const paths = (data: typeof d.paths, px: number, cls: string) =>
    data.flatMap((p) => {
      const q = pts(p.path, proj, w, h);
      return q
        ? [
            `<polyline class="${cls}" data-mode="${p.mode}" points="${q}" stroke="${hex(p.color)}" stroke-opacity="${op(p.color)}" stroke-width="${px}"/>`,
          ]
        : [];
    });
  return `<g id="predictions" fill="none" stroke-linecap="round" stroke-linejoin="round">${[
    ...paths(d.paths, PRED_PX, 'sample'),
    ...paths(d.anchorPaths, ANCHOR_PX, 'anchor'),
  ].join('')}</g>`;
}

/** The legend of the prediction's modes (colour line, name, probability), top left. */
function legend(s: ViewerState & { scene: Scene }): string {
  const pred = s.prediction;
  if (!pred || !s.layers.predictions || pred.sceneId !== s.scene.id) return '';
  const rows = pred.modes.map((m, k) => {
    const c = modeColor(pred.variant, m.mode);
    const y = 22 + k * 18;
    return `<line x1="14" y1="${y - 4}" x2="38" y2="${y - 4}" stroke="${hex(c)}" stroke-width="3"/><text x="44" y="${y}">${esc(modeName(pred.variant, m.mode, m.label))} ${(m.probability * 100).toFixed(0)}%</text>`;
  });
  return `<g id="legend" font-family="Helvetica, Arial, sans-serif" font-size="13" fill="#f0f0f0"><rect x="6" y="6" width="230" height="${12 + rows.length * 18}" fill="#0c0d10" fill-opacity="0.75"/>${rows.join('')}</g>`;
}

/** A nice bar length in metres (1, 2 or 5 times a power of ten) near `target` metres. */
export function scaleBarMetres(target: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(target, 1e-6)));
  return [5, 2, 1].map((k) => k * p).find((m) => m <= target) ?? p;
}

function scaleBar(cam: Camera, w: number, h: number): string {
  const pxPerM = 2 ** cam.zoom;
  const m = scaleBarMetres((w * SCALE_BAR_FRACTION) / pxPerM);
  const len = m * pxPerM;
  const x = 16;
  const y = h - 18;
  return `<g id="scale-bar" data-metres="${m}" font-family="Helvetica, Arial, sans-serif" font-size="13" fill="#f0f0f0"><rect x="${x - 6}" y="${y - 22}" width="${(len + 12).toFixed(1)}" height="32" fill="#0c0d10" fill-opacity="0.75"/><path d="M${x},${y - 6}V${y}H${(x + len).toFixed(1)}V${y - 6}" fill="none" stroke="#f0f0f0" stroke-width="2"/><text x="${x}" y="${y - 9}">${m} m</text></g>`;
}

/**
 * The SVG document of the view `s` shows (its camera) in a `width` x `height` view box. Throws
 * when there is no scene or no camera yet.
 */
export function sceneSvg(s: ViewerState, width: number, height: number): string {
  const scene = s.scene;
  const cam = s.camera;
  if (!scene) throw new Error('no scene to draw');
  if (!cam) throw new Error('the map has no view yet');
  const sc = s as ViewerState & { scene: Scene };
  const proj = projector(cam, width, height);
  const g = mapGeometry(scene);
  const on = s.layers;
  const parts = [
    `<rect width="${width}" height="${height}" fill="${hex(BACKGROUND)}"/>`,
    on.driveways ? areas('driveways', g.driveways, proj, width, height) : '',
    on.crosswalks ? areas('crosswalks', g.crosswalks, proj, width, height) : '',
    on.speedBumps ? areas('speed-bumps', g.speedBumps, proj, width, height) : '',
    on.lanes ? lines('lanes', g.lanes, MAP_PX, proj, width, height) : '',
    on.roadLines ? lines('road-lines', g.roadLines, MAP_PX, proj, width, height) : '',
    on.roadEdges ? lines('road-edges', g.roadEdges, EDGE_PX, proj, width, height) : '',
    on.agents ? agents(scene, s.time, proj, width, height) : '',
    predictions(sc, proj, width, height),
    legend(sc),
    scaleBar(cam, width, height),
  ];
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${esc(`ModeScope: scene ${scene.id}, step ${s.time.toFixed(1)}`)}</title>`,
    ...parts.filter(Boolean),
    `</svg>`,
  ].join('\n');
}
