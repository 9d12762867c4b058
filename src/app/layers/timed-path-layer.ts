// A PathLayer whose vertices carry their step: the whole track is tessellated and uploaded once,
// and the fragment shader keeps the part before `time` (a fading history trail) or after it (the
// ground-truth future). Playback changes only the `time` uniform. Same idea as deck.gl's
// TripsLayer, which lives in @deck.gl/geo-layers and has no "future" mode.
import { PathLayer, type PathLayerProps } from '@deck.gl/layers';
import type { DefaultProps } from '@deck.gl/core';
import type { ShaderModule } from '@luma.gl/shadertools';

const uniformBlock = /* glsl */ `\
layout(std140) uniform timedPathUniforms {
  float time;
  float trailSteps;
  float future;
} timedPath;
`;

interface TimedPathUniformProps {
  time: number;
  trailSteps: number;
  future: number;
}

const timedPathUniforms = {
  name: 'timedPath',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: { time: 'f32', trailSteps: 'f32', future: 'f32' },
} as const satisfies ShaderModule<TimedPathUniformProps>;

export interface TimedPathLayerProps<D> extends PathLayerProps<D> {
  /** Per vertex: the step index of that point. */
  getTimestamps: (d: D) => ArrayLike<number>;
  time: number;
  /** History mode: how many steps of trail stay visible (fading to nothing). */
  trailSteps: number;
  /** true: draw what comes after `time` instead of the trail before it. */
  future: boolean;
}

const defaultProps: DefaultProps<TimedPathLayerProps<unknown>> = {
  getTimestamps: { type: 'accessor', value: () => [] },
  time: 0,
  trailSteps: 20,
  future: false,
};

export class TimedPathLayer<D> extends PathLayer<D, TimedPathLayerProps<D>> {
  static override layerName = 'TimedPathLayer';
  static override defaultProps = defaultProps as never;

  override getShaders() {
    const shaders = super.getShaders();
    shaders.inject = {
      'vs:#decl': `in float instanceTimestamps;\nin float instanceNextTimestamps;\nout float vTime;\n`,
      'vs:#main-end': `vTime = instanceTimestamps + (instanceNextTimestamps - instanceTimestamps) * vPathPosition.y / vPathLength;\n`,
      'fs:#decl': `in float vTime;\n`,
      'fs:#main-start': `\
if (timedPath.future > 0.5 ? vTime < timedPath.time : (vTime > timedPath.time || vTime < timedPath.time - timedPath.trailSteps)) discard;
`,
      'fs:DECKGL_FILTER_COLOR': `\
if (timedPath.future < 0.5) color.a *= 1.0 - (timedPath.time - vTime) / timedPath.trailSteps;
`,
    };
    shaders.modules = [...shaders.modules, timedPathUniforms];
    return shaders;
  }

  override initializeState() {
    super.initializeState();
    this.getAttributeManager()!.addInstanced({
      timestamps: {
        size: 1,
        accessor: 'getTimestamps',
        shaderAttributes: {
          instanceTimestamps: { vertexOffset: 0 },
          instanceNextTimestamps: { vertexOffset: 1 },
        },
      },
    });
  }

  override draw(params: Parameters<PathLayer['draw']>[0]) {
    const { time, trailSteps, future } = this.props;
    this.state.model!.shaderInputs.setProps({ timedPath: { time, trailSteps, future: future ? 1 : 0 } });
    super.draw(params);
  }
}
