// A one-line description of a scene: what `npm run inspect` prints and the scene list shows.
import { interactingPair, MAP_KIND_NAMES, OBJECT_TYPE_NAMES, pairIsMarked, type Scene } from './scene';

export interface SceneSummary {
  id: string;
  tracks: number;
  tracksByType: Record<string, number>;
  mapByKind: Record<string, number>;
  /** Track IDs of the interacting pair, or null. */
  pair: [number, number] | null;
  /** 'objects_of_interest', or 'tracks_to_predict' when real data names no pair. */
  pairSource: 'objects_of_interest' | 'tracks_to_predict' | null;
  steps: number;
}

export function summarizeScene(scene: Scene): SceneSummary {
  const tracksByType: Record<string, number> = {};
  for (const t of scene.tracks.types) {
    const name = OBJECT_TYPE_NAMES[t] ?? `type${t}`;
    tracksByType[name] = (tracksByType[name] ?? 0) + 1;
  }
  const mapByKind: Record<string, number> = {};
  for (const k of scene.map.kinds) {
    const name = MAP_KIND_NAMES[k] ?? `kind${k}`;
    mapByKind[name] = (mapByKind[name] ?? 0) + 1;
  }
  const p = interactingPair(scene);
  return {
    id: scene.id,
    tracks: scene.tracks.count,
    tracksByType,
    mapByKind,
    pair: p ? [scene.tracks.ids[p[0]]!, scene.tracks.ids[p[1]]!] : null,
    pairSource: p ? (pairIsMarked(scene) ? 'objects_of_interest' : 'tracks_to_predict') : null,
    steps: scene.tracks.steps,
  };
}

export function formatCounts(c: Record<string, number>): string {
  return Object.entries(c)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}
