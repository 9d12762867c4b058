// Agents as oriented boxes, animated on the GPU: one instance per agent, whose columns at every
// step (that step's and the next step's pose, sizes, colours) sit in one float texture uploaded
// once per scene. Per frame only the `time` uniform changes; the vertex shader reads the agent's
// texels at step floor(time) and interpolates its pose (the same rule as scene/interpolate.ts).
// One instance per agent, not per (agent, step) as the columns are built: a software GPU
// (SwiftShader) pays per instance drawn however few pixels it covers (docs/performance.md,
// "Frames on a software GPU"), and a 77-agent real scene drew 7,007. Laid out like deck.gl's own
// layers: GLSL in agent-layer-shaders.ts, the uniform block in agent-layer-uniforms.ts, the
// columns built by agent-buffers.ts.
import {
  Layer,
  picking,
  project32,
  type DefaultProps,
  type LayerProps,
  type PickingInfo,
  type UpdateParameters,
} from '@deck.gl/core';
import type { Texture } from '@luma.gl/core';
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

/**
 * Texels per row of the data texture: WebGL2 guarantees 2,048 a side, so a scene of any size fits
 * in rows (3,000 agents of 91 steps: 667 rows).
 */
const TEXTURE_WIDTH = 2048;

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
  declare state: { model?: Model; texture?: Texture };

  override getShaders() {
    return super.getShaders({ vs, fs, modules: [project32, picking, agentsUniforms] });
  }

  override initializeState() {
    // no attributes: the columns are read from the data texture (getTexture)
  }

  override updateState(params: UpdateParameters<this>) {
    super.updateState(params);
    if (!this.state.model || params.changeFlags.extensionsChanged) {
      this.state.model?.destroy();
      this.state.model = this.getModel();
    }
    if (!this.state.texture || params.changeFlags.dataChanged) {
      this.state.texture?.destroy();
      this.state.texture = this.getTexture(this.props.data);
    }
  }

  override finalizeState(context: Parameters<Layer['finalizeState']>[0]) {
    super.finalizeState(context);
    this.state.texture?.destroy();
  }

  /** One instance per agent (the columns hold `steps` per agent). */
  override getNumInstances(): number {
    const { data } = this.props;
    return data.steps ? data.length / data.steps : 0;
  }

  /** Picking reports the agent (track index): the instance is the agent. */
  override getPickingInfo({ info }: { info: PickingInfo }) {
    if (info.index >= 0) return { ...info, object: { track: info.index } };
    return info;
  }

  override draw() {
    const { time, selected, hovered, lineWidthPixels, data } = this.props;
    const { model, texture } = this.state;
    if (!model || !texture) return;
    const agents: AgentsUniformProps = {
      time,
      steps: data.steps,
      selected,
      hovered,
      lineWidthPixels,
      textureWidth: texture.width,
      agentsTexture: texture,
    };
    model.shaderInputs.setProps({ agents });
    model.draw(this.context.renderPass);
  }

  /**
   * The columns as one rgba32float texture: per agent five runs of `steps` texels (pose, next
   * pose, sizes, fill, line; colours as 0-1), agent after agent, in rows of at most
   * TEXTURE_WIDTH texels. Read with texelFetch, so nearest sampling and no mipmaps.
   */
  private getTexture(data: AgentBuffers): Texture {
    const { steps: T, attributes: a } = data;
    const agents = T ? data.length / T : 0;
    const texels = Math.max(1, agents * 5 * T);
    const width = Math.min(TEXTURE_WIDTH, texels);
    const height = Math.ceil(texels / width);
    const out = new Float32Array(width * height * 4);
    for (let i = 0; i < agents; i++)
      for (let s = 0; s < T; s++) {
        const src = (i * T + s) * 4;
        const dst = (i * 5 * T + s) * 4;
        for (let c = 0; c < 4; c++) {
          out[dst + c] = a.getPose0.value[src + c]!;
          out[dst + T * 4 + c] = a.getPose1.value[src + c]!;
          out[dst + T * 8 + c] = a.getSizes.value[src + c]!;
          out[dst + T * 12 + c] = a.getFillColor.value[src + c]! / 255;
          out[dst + T * 16 + c] = a.getLineColor.value[src + c]! / 255;
        }
      }
    return this.context.device.createTexture({
      format: 'rgba32float',
      width,
      height,
      data: out,
      mipLevels: 1,
      sampler: {
        minFilter: 'nearest',
        magFilter: 'nearest',
        addressModeU: 'clamp-to-edge',
        addressModeV: 'clamp-to-edge',
      },
    });
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
