// Agents as oriented boxes, animated on the GPU: every (agent, step) pair is one instance whose
// attributes hold that step's and the next step's pose, uploaded once per scene. Per frame only
// the `time` uniform changes; the vertex shader keeps the one instance per agent whose step is
// floor(time), interpolates its pose (the same rule as scene/interpolate.ts) and drops the rest.
// Laid out like deck.gl's own layers: GLSL in agent-layer-shaders.ts, the uniform block in
// agent-layer-uniforms.ts, the instance columns built by agent-buffers.ts.
import {
  Layer,
  picking,
  project32,
  type DefaultProps,
  type LayerProps,
  type PickingInfo,
  type UpdateParameters,
} from '@deck.gl/core';
import { Geometry, Model } from '@luma.gl/engine';
import type { AgentBuffers } from './agent-buffers';
import { fs, vs } from './agent-layer-shaders';
import { agentsUniforms, type AgentsUniformProps } from './agent-layer-uniforms';

/** All properties supported by AgentLayer. */
export type AgentLayerProps = _AgentLayerProps & LayerProps;

/** Properties added by AgentLayer. */
interface _AgentLayerProps {
  data: AgentBuffers;
  /**
   * Fractional step.
   * @default 0
   */
  time?: number;
  /**
   * Track index drawn as selected, -1 for none.
   * @default -1
   */
  selected?: number;
  /**
   * Track index under the pointer, -1 for none.
   * @default -1
   */
  hovered?: number;
  /**
   * Outline width in pixels (doubled for the selected agent).
   * @default 2
   */
  lineWidthPixels?: number;
}

const defaultProps: DefaultProps<AgentLayerProps> = {
  time: 0,
  selected: -1,
  hovered: -1,
  lineWidthPixels: 2,
};

// deck.gl's layers also take an `ExtraPropsT` parameter for subclasses. Nothing subclasses this
// one, and with it TypeScript infers ExtraPropsT from the props of `new X({...})`, so a misspelt
// prop would pass silently instead of failing the excess-property check.
export class AgentLayer extends Layer<Required<_AgentLayerProps>> {
  static override layerName = 'AgentLayer';
  static override defaultProps = defaultProps;
  declare state: { model?: Model };

  override getShaders() {
    return super.getShaders({ vs, fs, modules: [project32, picking, agentsUniforms] });
  }

  override initializeState() {
    this.getAttributeManager()!.addInstanced({
      instancePose0: { size: 4, accessor: 'getPose0' },
      instancePose1: { size: 4, accessor: 'getPose1' },
      instanceSizes: { size: 4, accessor: 'getSizes' },
      instanceFillColors: { size: 4, type: 'unorm8', accessor: 'getFillColor' },
      instanceLineColors: { size: 4, type: 'unorm8', accessor: 'getLineColor' },
    });
  }

  override updateState(params: UpdateParameters<this>) {
    super.updateState(params);
    if (!this.state.model || params.changeFlags.extensionsChanged) {
      this.state.model?.destroy();
      this.state.model = this.getModel();
      this.getAttributeManager()!.invalidateAll();
    }
  }

  /** Picking reports the agent (track index), not the (agent, step) instance. */
  override getPickingInfo({ info }: { info: PickingInfo }) {
    if (info.index >= 0) {
      const agent = Math.floor(info.index / this.props.data.steps);
      return { ...info, index: agent, object: { track: agent } };
    }
    return info;
  }

  override draw() {
    const { time, selected, hovered, lineWidthPixels, data } = this.props;
    const model = this.state.model!;
    const agents: AgentsUniformProps = { time, steps: data.steps, selected, hovered, lineWidthPixels };
    model.shaderInputs.setProps({ agents });
    model.draw(this.context.renderPass);
  }

  private getModel(): Model {
    return new Model(this.context.device, {
      ...this.getShaders(),
      id: this.props.id,
      bufferLayout: this.getAttributeManager()!.getBufferLayouts(),
      geometry: new Geometry({
        topology: 'triangle-strip',
        attributes: {
          positions: { size: 3, value: new Float32Array([-1, -1, 0, 1, -1, 0, -1, 1, 0, 1, 1, 0]) },
        },
      }),
      isInstanced: true,
    });
  }
}
