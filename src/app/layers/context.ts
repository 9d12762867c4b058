// What every layer group is given to draw from. Groups are plain functions (context -> layers),
// so a later concern (the model's predictions) adds a group without touching the others.
import type { Layer } from '@deck.gl/core';
import type { Scene } from '../../scene/scene';
import type { ViewerState } from '../store';

export interface LayerContext {
  scene: Scene;
  /** Fractional step. */
  time: number;
  view: ViewerState;
}

export type LayerGroup = ((ctx: LayerContext) => Layer[]) & {
  /**
   * Work the group can do ahead in slices (each step a few ms), so the engine's staging of a new
   * scene spreads it over several main-thread tasks; the group's layers then find it done.
   */
  prepare?: (ctx: LayerContext) => Iterator<void, void, void>;
};
