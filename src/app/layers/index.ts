// The layer stack, bottom to top. A concern that draws (the model's predictions) appends its
// group here; each group reads the shared context and returns its layers.
import type { Layer } from '@deck.gl/core';
import { agentLayers } from './agents';
import type { LayerContext, LayerGroup } from './context';
import { graphLayers } from './graph';
import { mapLayers } from './map';
import { predictionLayers } from './predictions';

export const LAYER_GROUPS: LayerGroup[] = [mapLayers, predictionLayers, agentLayers, graphLayers];

export function composeLayers(ctx: LayerContext): Layer[] {
  return LAYER_GROUPS.flatMap((g) => g(ctx));
}

export type { LayerContext, LayerGroup } from './context';
