// A one-line description of a scene: what `npm run inspect` prints and the scene list shows.
import { interactingPair, MAP_KIND_NAMES, OBJECT_TYPE_NAMES, pairIsMarked, type Scene } from './scene';

export interface SceneSummary {
  id: string;
  tracks: number;
  tracksByType: Record<string, number>;
  mapByKind: Record<string, number>;
  /** Track IDs of the interacting pair, or null. */
  pair: [number, number] | null;
  /**
   * 'objects_of_interest', 'tracks_to_predict' when real data names no pair, 'benchmark_rule' when
   * it names neither and the caller gave the real benchmark rule's pair (labels/pairs.ts defaultPair).
   */
  pairSource: 'objects_of_interest' | 'tracks_to_predict' | 'benchmark_rule' | null;
  steps: number;
}

/** `rulePair`: the pair (track indices) to show when the scene names none (scene/ cannot run the rule). */
export function summarizeScene(scene: Scene, rulePair: [number, number] | null = null): SceneSummary {
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
  const named = interactingPair(scene);
  const p = named ?? rulePair;
  return {
    id: scene.id,
    tracks: scene.tracks.count,
    tracksByType,
    mapByKind,
    pair: p ? [scene.tracks.ids[p[0]]!, scene.tracks.ids[p[1]]!] : null,
    pairSource: !p
      ? null
      : !named
        ? 'benchmark_rule'
        : pairIsMarked(scene)
          ? 'objects_of_interest'
          : 'tracks_to_predict',
    steps: scene.tracks.steps,
  };
}

export function formatCounts(c: Record<string, number>): string {
  return Object.entries(c)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}
