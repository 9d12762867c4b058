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

export type LayerGroup = (ctx: LayerContext) => Layer[];
