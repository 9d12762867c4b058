// Tours (issue 17 item 2): a small JSON file of stops, each a scene (by file and id) with the step
// to start at, the model, the mode to force, the split view's model and a caption, stepped with
// PageUp / PageDown. Pure (no DOM): parseTour reads and checks the file, stopFileUrl resolves a
// stop's file against the tour's own URL. The format:
//   { "title": "...", "stops": [ { "file": "demo.tfrecord", "scene": "synth-2026-2", "step": 10,
//     "model": "pseudo", "mode": 1, "split": "vanilla", "caption": "..." }, ... ] }
// `scene` and `caption` are required; `file` (a URL relative to the tour file; absent: the scene is
// looked up in the files already open), `step` (absent: the scene's current_time_index), `model`
// (absent: the pseudo-label CVAE), `mode` (a latent mode to force, 0-2; absent or null: none) and
// `split` (absent or null: no split view) are optional. A stop that breaks a rule is left out and
// named (TourError: file, stop, field, why); the other stops stay. A file that is not JSON, or has
// no stops list, is refused whole.

/** One stop of a tour, as checked. */
export interface TourStop {
  /** The scenario file's URL relative to the tour file; null: among the files already open. */
  file: string | null;
  scene: string;
  /** Step to start at; null: the scene's current_time_index. */
  step: number | null;
  /** Model to show; a registry id (model/registry.ts), checked when the stop is shown. */
  model: string;
  /** Latent mode to force (sample only it); null: none. */
  mode: number | null;
  /** Second model beside the first (the split view); null: none. */
  split: string | null;
  caption: string;
}

export interface Tour {
  /** The tour file's name, as messages name it. */
  name: string;
  /** Where it was read from (relative stop files resolve against it); null: picked from disk. */
  url: string | null;
  title: string;
  stops: TourStop[];
  /** Each stop left out, and why. */
  problems: TourError[];
}

/** A tour file, or one of its stops, that breaks the format: names the file, the stop and the field. */
export class TourError extends Error {
  constructor(
    readonly file: string,
    /** 1-based stop number, as the page shows stops; null: the file as a whole. */
    readonly stop: number | null,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}${stop === null ? '' : `: stop ${stop}`}: ${field}: ${reason}`);
    this.name = 'TourError';
  }
}

/** The latent's modes (pseudo labels: A passes first, B passes first, no interaction). */
const MODES = 3;
/** A scene's last possible step (WOMD scenes are 91 steps; real files may hold fewer). */
const MAX_STEP = 90;
/** The default model: the one whose modes mean the labels, the tour's subject. */
const DEFAULT_MODEL = 'pseudo';

type Json = Record<string, unknown>;

function stopOf(raw: unknown, file: string, n: number): TourStop {
  const bad = (field: string, reason: string) => new TourError(file, n, field, reason);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw bad('stop', 'not an object');
  const o = raw as Json;
  const optString = (field: string): string | null => {
    const v = o[field];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string' || v === '')
      throw bad(field, `expected a non-empty string, got ${JSON.stringify(v)}`);
    return v;
  };
  const scene = optString('scene');
  if (scene === null) throw bad('scene', 'missing (the scenario id to show)');
  const caption = optString('caption');
  if (caption === null) throw bad('caption', 'missing (what the stop shows)');
  const int = (field: string, max: number): number | null => {
    const v = o[field];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max)
      throw bad(field, `expected a whole number 0..${max}, got ${JSON.stringify(v)}`);
    return v;
  };
  return {
    file: optString('file'),
    scene,
    step: int('step', MAX_STEP),
    model: optString('model') ?? DEFAULT_MODEL,
    mode: int('mode', MODES - 1),
    split: optString('split'),
    caption,
  };
}

/**
 * Reads a tour file's text. Throws TourError when the file is not JSON, not an object or has no
 * non-empty `stops` list (nothing to show); a bad stop is left out and named in `problems`.
 */
export function parseTour(text: string, name: string, url: string | null = null): Tour {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new TourError(name, null, 'file', `not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new TourError(name, null, 'file', 'expected an object with a "stops" list');
  const o = raw as Json;
  if (!Array.isArray(o.stops) || o.stops.length === 0)
    throw new TourError(name, null, 'stops', 'expected a non-empty list of stops');
  const stops: TourStop[] = [];
  const problems: TourError[] = [];
  o.stops.forEach((s, i) => {
    try {
      stops.push(stopOf(s, name, i + 1));
    } catch (e) {
      if (!(e instanceof TourError)) throw e;
      problems.push(e);
    }
  });
  if (stops.length === 0)
    throw new TourError(
      name,
      null,
      'stops',
      `no readable stop (${problems.map((p) => p.message).join('; ')})`,
    );
  return { name, url, title: typeof o.title === 'string' ? o.title : name, stops, problems };
}

/** A stop's file as an absolute URL, resolved against the tour's URL (and the page's); null: none. */
export function stopFileUrl(tour: Tour, stop: TourStop, base: string): string | null {
  if (stop.file === null) return null;
  return new URL(stop.file, new URL(tour.url ?? '.', base)).href;
}

/** The name a file is listed under (the scene list's `file`): the URL's last path segment. */
export function fileNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? url);
}
