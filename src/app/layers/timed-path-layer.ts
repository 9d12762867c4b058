// A PathLayer whose vertices carry their step: the whole track is tessellated and uploaded once,
// and the fragment shader keeps the part before `time` (a fading history trail) or after it (the
// ground-truth future). Playback changes only the `time` uniform. Same idea as deck.gl's
// TripsLayer, which lives in @deck.gl/geo-layers and has no "future" mode, and laid out like it:
// the injected GLSL in timed-path-layer-shaders.ts, the uniform block in
// timed-path-layer-uniforms.ts.
import type { AccessorFunction, DefaultProps } from '@deck.gl/core';
import { PathLayer, type PathLayerProps } from '@deck.gl/layers';
import { timedPathInjections } from './timed-path-layer-shaders';
import { timedPathUniforms, type TimedPathUniformProps } from './timed-path-layer-uniforms';

/** All properties supported by TimedPathLayer. */
export type TimedPathLayerProps<DataT = unknown> = _TimedPathLayerProps<DataT> & PathLayerProps<DataT>;

/** Properties added by TimedPathLayer. */
interface _TimedPathLayerProps<DataT = unknown> {
  /** Per vertex: the step index of that point. */
  getTimestamps?: AccessorFunction<DataT, ArrayLike<number>>;
  /**
   * Fractional step.
   * @default 0
   */
  time?: number;
  /**
   * History mode: how many steps of trail stay visible (fading to nothing).
   * @default 20
   */
  trailSteps?: number;
  /**
   * true: draw what comes after `time` instead of the trail before it.
   * @default false
   */
  future?: boolean;
}

const defaultProps: DefaultProps<TimedPathLayerProps> = {
  getTimestamps: { type: 'accessor', value: () => [] },
  time: 0,
  trailSteps: 20,
  future: false,
};

// deck.gl's layers also take an `ExtraPropsT` parameter for subclasses. Nothing subclasses this
// one, and with it TypeScript infers ExtraPropsT from the props of `new X({...})`, so a misspelt
// prop would pass silently instead of failing the excess-property check.
export class TimedPathLayer<DataT = unknown> extends PathLayer<DataT, Required<_TimedPathLayerProps<DataT>>> {
  static override layerName = 'TimedPathLayer';
  static override defaultProps = defaultProps;

  override getShaders() {
    const shaders = super.getShaders();
    shaders.inject = { ...timedPathInjections };
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
    const timedPath: TimedPathUniformProps = { time, trailSteps, future: future ? 1 : 0 };
    this.state.model!.shaderInputs.setProps({ timedPath });
    super.draw(params);
  }
}
