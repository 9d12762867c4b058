// The caption and the legend of an exported frame (video, PNG figure). captionText is a pure
// function of the viewer state (scene id, time, the top modes of the prediction with their
// probabilities) that presenter mode's on-screen caption can share; captionModes gives the same
// modes with their colours. drawCaption and drawLegend paint them onto a 2D canvas at the output
// size, scaled from a 1080-line reference so a 640x360 clip and a 4K one read the same.
import { modeName } from '../../model/registry';
import { STEP_HZ } from '../../scene/scene';
import { modeColor, type RGBA } from '../palette';
import { stepAt, type ViewerState } from '../store';

/** How many modes the caption names: three is every mode of the CVAEs and fits one line. */
export const CAPTION_MODES = 3;

export interface CaptionMode {
  mode: number;
  name: string;
  probability: number;
  color: RGBA;
}

type CaptionState = Pick<ViewerState, 'scene' | 'time' | 'prediction'>;

/** The prediction's modes for this scene, most probable first (none: no prediction for it). */
export function captionModes(s: CaptionState, top = CAPTION_MODES): CaptionMode[] {
  const p = s.prediction;
  if (!p || !s.scene || p.sceneId !== s.scene.id) return [];
  return p.modes
    .filter((m) => m.samples.length > 0)
    .map((m) => ({
      mode: m.mode,
      name: modeName(p.variant, m.mode, m.label),
      probability: m.probability,
      color: modeColor(p.variant, m.mode),
    }))
    .sort((a, b) => b.probability - a.probability || a.mode - b.mode)
    .slice(0, top);
}

/** Seconds from the scene's first step at fractional step `time` (10 Hz when no timestamps). */
function seconds(s: CaptionState): number {
  const ts = s.scene?.timestamps;
  if (!ts || ts.length === 0) return s.time / STEP_HZ;
  const k = Math.min(ts.length - 1, stepAt(s.time));
  const b = ts[Math.min(k + 1, ts.length - 1)]!;
  return ts[k]! + (b - ts[k]!) * (s.time - k) - ts[0]!;
}

/**
 * One line: "scene ID · 3.40 s (step 34) · A passes first 62% · B passes first 30% · …".
 * No scene: "no scene".
 */
export function captionText(s: CaptionState, top = CAPTION_MODES): string {
  if (!s.scene) return 'no scene';
  const parts = [`scene ${s.scene.id}`, `${seconds(s).toFixed(2)} s (step ${stepAt(s.time)})`];
  for (const m of captionModes(s, top)) parts.push(`${m.name} ${(m.probability * 100).toFixed(0)}%`);
  return parts.join(' · ');
}

/** Text and layout sizes at 1080 output lines; scaled by height / 1080 (min 0.4 so 360p reads). */
const REF_LINES = 1080;
const FONT_PX = 30;
const PAD_PX = 18;
const SWATCH_PX = 26;

const scaleFor = (h: number) => Math.max(0.4, h / REF_LINES);
const rgba = (c: RGBA, a = c[3] / 255) => `rgba(${c[0]},${c[1]},${c[2]},${a.toFixed(3)})`;

/** The caption strip along the bottom of a w x h frame: dark band, the text, mode swatches. */
export function drawCaption(g: CanvasRenderingContext2D, s: CaptionState, w: number, h: number): void {
  const k = scaleFor(h);
  const font = Math.round(FONT_PX * k);
  const pad = Math.round(PAD_PX * k);
  const band = font + 2 * pad;
  g.save();
  g.fillStyle = 'rgba(12,13,16,0.78)';
  g.fillRect(0, h - band, w, band);
  g.font = `${font}px system-ui, sans-serif`;
  g.textBaseline = 'middle';
  const y = h - band / 2;
  let x = pad;
  const head = s.scene
    ? `scene ${s.scene.id} · ${seconds(s).toFixed(2)} s (step ${stepAt(s.time)})`
    : 'no scene';
  g.fillStyle = '#f0f0f0';
  g.fillText(head, x, y, w - 2 * pad);
  x += g.measureText(head).width + pad;
  for (const m of captionModes(s)) {
    if (x > w - pad) break;
    g.fillStyle = rgba(m.color, 1);
    g.fillRect(x, y - font / 4, font / 2, font / 2);
    x += font / 2 + pad / 2;
    const t = `${m.name} ${(m.probability * 100).toFixed(0)}%`;
    g.fillStyle = '#f0f0f0';
    g.fillText(t, x, y, Math.max(1, w - pad - x));
    x += g.measureText(t).width + pad;
  }
  g.restore();
}

/** The legend of the modes drawn (colour and name), top right of a w x h frame; none: nothing. */
export function drawLegend(g: CanvasRenderingContext2D, s: CaptionState, w: number, h: number): void {
  const p = s.prediction;
  if (!p || !s.scene || p.sceneId !== s.scene.id) return;
  const rows = p.modes.map((m) => ({
    name: modeName(p.variant, m.mode, m.label),
    color: modeColor(p.variant, m.mode),
  }));
  if (rows.length === 0) return;
  const k = scaleFor(h);
  const font = Math.round(FONT_PX * 0.8 * k);
  const pad = Math.round(PAD_PX * 0.8 * k);
  const sw = Math.round(SWATCH_PX * k);
  const line = Math.max(font, sw / 2) + pad / 2;
  g.save();
  g.font = `${font}px system-ui, sans-serif`;
  g.textBaseline = 'middle';
  const textW = Math.max(...rows.map((r) => g.measureText(r.name).width));
  const boxW = Math.min(w - 2 * pad, pad * 3 + sw + textW);
  const boxH = pad + rows.length * line + pad / 2;
  const x0 = w - boxW - pad;
  const y0 = pad;
  g.fillStyle = 'rgba(12,13,16,0.78)';
  g.fillRect(x0, y0, boxW, boxH);
  rows.forEach((r, i) => {
    const y = y0 + pad + i * line + line / 2 - pad / 4;
    g.strokeStyle = rgba(r.color, 1);
    g.lineWidth = Math.max(2, 4 * k);
    g.beginPath();
    g.moveTo(x0 + pad, y);
    g.lineTo(x0 + pad + sw, y);
    g.stroke();
    g.fillStyle = '#f0f0f0';
    g.fillText(r.name, x0 + 2 * pad + sw, y, boxW - 3 * pad - sw);
  });
  g.restore();
}
