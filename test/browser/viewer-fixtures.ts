// Scenes and page helpers for the viewer's browser tests. The gallery scene holds every map
// element type (every lane, road line and road edge type, crosswalk, speed bump, driveway, stop
// sign, signals in each state) at known places, so a test can point the camera at each one.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Camera } from '../../src/app/store';
import { buildScene, type FeatureInput, type SceneInput, type TrackInput } from '../../src/scene/build';
import { LaneType, MapKind, RoadEdgeType, SignalState, type Scene } from '../../src/scene/scene';
import { encodeRecords, encodeScene } from '../../src/waymo';

/** World offset like real data; the scene origin snaps to a 100 m grid below it. */
export const GX = 4000;
export const GY = -2000;

const line = (x0: number, y: number, len: number) => [
  { x: GX + x0, y: GY + y },
  { x: GX + x0 + len / 2, y: GY + y },
  { x: GX + x0 + len, y: GY + y },
];
const rect = (x: number, y: number, w: number, h: number) => [
  { x: GX + x, y: GY + y },
  { x: GX + x + w, y: GY + y },
  { x: GX + x + w, y: GY + y + h },
  { x: GX + x, y: GY + y + h },
];

/** Where each element sits, relative to (GX, GY). */
export const GALLERY = {
  lanes: [LaneType.Freeway, LaneType.SurfaceStreet, LaneType.BikeLane].map((t, k) => ({
    type: t,
    x: 30 * k,
    y: 0,
  })),
  roadLines: [1, 2, 3, 4, 5, 6, 7, 8].map((t, k) => ({ type: t, x: 30 * k, y: 10 })),
  roadEdges: [RoadEdgeType.Boundary, RoadEdgeType.Median].map((t, k) => ({ type: t, x: 30 * k, y: 20 })),
  crosswalk: { x: 0, y: 30, w: 4, h: 10 },
  speedBump: { x: 30, y: 30, w: 1.5, h: 8 },
  driveway: { x: 60, y: 30, w: 8, h: 6 },
  stopSign: { x: 95, y: 34 },
  /** Signal k is Stop, Caution and Go in turn: at step t its state is STATES[(k + floor(t / 30)) % 3]. */
  signals: [0, 1, 2].map((k) => ({ x: 120 + 6 * k, y: 34 })),
};
export const SIGNAL_STATES = [SignalState.Stop, SignalState.Caution, SignalState.Go];

/** Track 0 (id 700, the SDC): a 4.5 x 2 m vehicle driving east at 8 m/s along y = 55. */
export function galleryInput(id = 'gallery'): SceneInput {
  const T = 91;
  const features: FeatureInput[] = [];
  for (const l of GALLERY.lanes)
    features.push({
      id: features.length + 1,
      kind: MapKind.Lane,
      subtype: l.type,
      points: line(l.x, l.y, 20),
    });
  for (const l of GALLERY.roadLines)
    features.push({
      id: features.length + 1,
      kind: MapKind.RoadLine,
      subtype: l.type,
      points: line(l.x, l.y, 20),
    });
  for (const l of GALLERY.roadEdges)
    features.push({
      id: features.length + 1,
      kind: MapKind.RoadEdge,
      subtype: l.type,
      points: line(l.x, l.y, 20),
    });
  const c = GALLERY.crosswalk;
  features.push({ id: features.length + 1, kind: MapKind.Crosswalk, points: rect(c.x, c.y, c.w, c.h) });
  const b = GALLERY.speedBump;
  features.push({ id: features.length + 1, kind: MapKind.SpeedBump, points: rect(b.x, b.y, b.w, b.h) });
  const d = GALLERY.driveway;
  features.push({ id: features.length + 1, kind: MapKind.Driveway, points: rect(d.x, d.y, d.w, d.h) });
  features.push({
    id: features.length + 1,
    kind: MapKind.StopSign,
    points: [{ x: GX + GALLERY.stopSign.x, y: GY + GALLERY.stopSign.y }],
    stopSignLanes: [1],
  });
  const tracks: TrackInput[] = [];
  const agent = (
    id: number,
    type: number,
    y: number,
    speed: number,
    heading: number,
    len: number,
    wid: number,
    from = 0,
  ) => {
    tracks.push({
      id,
      type,
      states: Array.from({ length: T }, (_, t) =>
        t < from
          ? { valid: false }
          : {
              x: GX + Math.cos(heading) * speed * (t / 10),
              y: GY + y + Math.sin(heading) * speed * (t / 10),
              length: len,
              width: wid,
              height: 1.5,
              heading,
              vx: Math.cos(heading) * speed,
              vy: Math.sin(heading) * speed,
              valid: true,
            },
      ),
    });
  };
  agent(700, 1, 55, 8, 0, 4.5, 2); // SDC
  agent(701, 1, 62, 6, 0.3, 5, 2.1); // object of interest
  agent(702, 2, 70, 1.4, Math.PI / 2, 0.8, 0.8); // pedestrian, object of interest
  agent(703, 3, 76, 4, -0.2, 1.9, 0.7); // cyclist, to predict
  agent(704, 4, 82, 0, 0, 2, 2, 30); // other, appears at step 30
  return {
    id,
    timestamps: Array.from({ length: T }, (_, t) => t / 10),
    currentIndex: 10,
    sdc: 0,
    objectsOfInterest: [701, 702],
    tracksToPredict: [
      { trackIndex: 1, difficulty: 1 },
      { trackIndex: 2, difficulty: 1 },
      { trackIndex: 3, difficulty: 2 },
    ],
    tracks,
    features,
    signals: Array.from({ length: T }, (_, t) =>
      GALLERY.signals.map((s, k) => ({
        lane: 1,
        state: SIGNAL_STATES[(k + Math.floor(t / 30)) % 3]!,
        stop: { x: GX + s.x, y: GY + s.y },
      })),
    ),
  };
}

export function galleryScene(id?: string): Scene {
  return buildScene(galleryInput(id));
}

/** A TFRecord file of gallery scenes with the given ids, in a fresh temp dir. */
export function writeGalleryFile(ids: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'modescope-viewer-'));
  const path = join(dir, 'gallery.tfrecord');
  writeFileSync(path, encodeRecords(ids.map((id) => encodeScene(galleryScene(id)))));
  return path;
}

/** Waits until the viewer has drawn the scene with this id (or any scene when omitted). */
export async function waitForScene(page: Page, id?: string) {
  try {
    await page.waitForFunction(
      (want) => {
        const m = window.__modescope;
        return !!m && m.engine.firstSceneDrawMs !== null && (!want || m.store.get().scene?.id === want);
      },
      id,
      { timeout: 60_000 },
    );
  } catch (e) {
    const seen = await page.evaluate(() => {
      const m = window.__modescope;
      return m
        ? { scene: m.store.get().scene?.id, drawn: m.engine.firstSceneDrawMs, url: location.href }
        : null;
    });
    throw new Error(`scene ${id ?? '(any)'} not drawn: ${JSON.stringify(seen)}`, { cause: e });
  }
}

/**
 * Waits until the shown scene has a prediction from step `t` (any step when undefined) and none is
 * pending. 240 s by default: WebGPU on SwiftShader takes ~0.6 s a prediction, more under load.
 */
export async function waitForPrediction(page: Page, t?: number, timeout = 240_000) {
  await page.waitForFunction(
    (t) => {
      const s = window.__modescope?.store.get();
      const p = s?.prediction;
      return !!p && p.sceneId === s!.scene?.id && (t === null || p.t === t) && !s!.model.pending;
    },
    t ?? null,
    { timeout },
  );
}

/**
 * The agent (track index) deck picks at the screen position of track i at fractional step t, with
 * the camera centred there (keeping zoom and rotation); `offset` is in metres from the centre.
 */
export async function pickAgentAt(page: Page, i: number, t: number, offset: [number, number] = [0, 0]) {
  return page.evaluate(
    async ([i, t, dx, dy]) => {
      const m = window.__modescope!;
      const s = m.store.get();
      const p = m.poseAt(s.scene!.tracks, i, t);
      const cam = s.camera ?? { x: 0, y: 0, zoom: 3, rotation: 0 };
      m.store.set({
        time: t,
        playing: false,
        follow: false,
        camera: { ...cam, x: p?.x ?? cam.x, y: p?.y ?? cam.y },
      });
      // drawNow draws the store as it is now, whole: waiting for deck's own frames first drew the
      // scene once more per pick, seconds a frame for the 3,000-track scene on SwiftShader
      m.engine.drawNow('test');
      if (!p) return null;
      const [x, y] = m.engine.project(p.x + dx, p.y + dy);
      const info = m.engine.deck.pickObject({ x, y, radius: 0, layerIds: ['agents'] });
      return info ? info.index : null;
    },
    [i, t, offset[0], offset[1]] as const,
  );
}

/** Which map's canvas to read: the main viewer's, or the split view's second map. */
export type MapCanvas = 'main' | 'compare';

/**
 * Decodes a screenshot of a map in the page (drawn now) into pixels, the one place the browser
 * tests read pixels. `camera`: set first (and follow off). Returns, for each of `colors`, how many
 * pixels lie within `tolerance` of it (sum of the R, G and B differences), and, when `at` (a scene
 * point) is given, the RGBA drawn there.
 */
export async function readPixels(
  page: Page,
  canvas: MapCanvas,
  o: {
    camera?: Camera;
    colors?: readonly (readonly number[])[];
    at?: [number, number];
    tolerance?: number;
  } = {},
): Promise<{ counts: number[]; pixel: number[] | null }> {
  return page.evaluate(
    async ({ canvas, camera, colors, at, tolerance }) => {
      const m = window.__modescope!;
      if (camera) m.store.set({ camera, follow: false });
      const engine = canvas === 'main' ? m.engine : window.__modescopeCompare!;
      const url = engine.screenshot();
      const spot = at ? engine.project(at[0], at[1]) : null;
      const img = new Image();
      img.src = url;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const counts = colors.map(() => 0);
      if (colors.length > 0) {
        const d = g.getImageData(0, 0, c.width, c.height).data;
        for (let i = 0; i < d.length; i += 4)
          colors.forEach((col, k) => {
            const diff =
              Math.abs(d[i]! - col[0]!) + Math.abs(d[i + 1]! - col[1]!) + Math.abs(d[i + 2]! - col[2]!);
            if (diff < tolerance) counts[k]!++;
          });
      }
      let pixel: number[] | null = null;
      if (spot) {
        const ratio = img.width / engine.parent.clientWidth;
        pixel = Array.from(
          g.getImageData(Math.round(spot[0] * ratio), Math.round(spot[1] * ratio), 1, 1).data,
        );
      }
      return { counts, pixel };
    },
    {
      canvas,
      camera: o.camera ?? null,
      colors: (o.colors ?? []).map((col) => [...col]),
      at: o.at ?? null,
      tolerance: o.tolerance ?? 40,
    },
  );
}

/**
 * How many pixels of the map lie within 40 (sum of R, G, B differences) of each colour, after
 * setting `camera` when given.
 */
export async function countColors(
  page: Page,
  canvas: MapCanvas,
  colors: readonly (readonly number[])[],
  camera?: Camera,
): Promise<number[]> {
  return (await readPixels(page, canvas, { colors, camera })).counts;
}

/** RGBA drawn at scene point (x, y), with the camera centred there at `zoom`. */
export async function pixelAt(page: Page, x: number, y: number, zoom = 4): Promise<number[]> {
  return (await readPixels(page, 'main', { camera: { x, y, zoom, rotation: 0 }, at: [x, y] })).pixel!;
}
