// Agents as oriented boxes, animated on the GPU: every (agent, step) pair is one instance whose
// attributes hold that step's and the next step's pose, uploaded once per scene. Per frame only
// the `time` uniform changes; the vertex shader keeps the one instance per agent whose step is
// floor(time), interpolates its pose (the same rule as scene/interpolate.ts) and drops the rest.
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
import type { ShaderModule } from '@luma.gl/shadertools';

const uniformBlock = /* glsl */ `\
layout(std140) uniform agentsUniforms {
  float time;
  float steps;
  float selected;
  float hovered;
  float lineWidthPixels;
} agents;
`;

interface AgentsUniformProps {
  time: number;
  steps: number;
  selected: number;
  hovered: number;
  lineWidthPixels: number;
}

const agentsUniforms = {
  name: 'agents',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: { time: 'f32', steps: 'f32', selected: 'f32', hovered: 'f32', lineWidthPixels: 'f32' },
} as const satisfies ShaderModule<AgentsUniformProps>;

const vs = /* glsl */ `\
#version 300 es
#define SHADER_NAME agent-layer-vertex-shader
in vec3 positions;
in vec4 instancePose0;
in vec4 instancePose1;
in vec4 instanceSizes;
in vec4 instanceFillColors;
in vec4 instanceLineColors;
out vec4 vFill;
out vec4 vLine;
out vec2 vUnit;
out vec2 vHalfPixels;
out float vSelected;
out float vHovered;

const float AGENT_PI = 3.141592653589793;
float wrapAngle(float a) { return a - 2.0 * AGENT_PI * floor((a + AGENT_PI) / (2.0 * AGENT_PI)); }

void main(void) {
  float T = agents.steps;
  float id = float(gl_InstanceID);
  float agent = floor((id + 0.5) / T);
  float stepIndex = id - agent * T;
  float t = clamp(agents.time, 0.0, T - 1.0);
  float s0 = min(floor(t), T - 1.0);
  float frac = t - s0;
  bool v0 = instancePose0.w > 0.5;
  bool v1 = instancePose1.w > 0.5;
  bool shown = abs(stepIndex - s0) < 0.5 && (frac < 0.5 ? v0 : v1);
  if (!shown) {
    gl_Position = vec4(0.0, 0.0, 2.0, 1.0); // outside the clip volume: nothing is rasterised
    return;
  }
  vec2 p;
  float h;
  vec2 size;
  if (v0 && v1) {
    p = mix(instancePose0.xy, instancePose1.xy, frac);
    h = instancePose0.z + wrapAngle(instancePose1.z - instancePose0.z) * frac;
    size = instanceSizes.xy;
  } else if (v0) {
    p = instancePose0.xy; h = instancePose0.z; size = instanceSizes.xy;
  } else {
    p = instancePose1.xy; h = instancePose1.z; size = instanceSizes.zw;
  }
  vec2 half_ = 0.5 * size;
  vec2 local = positions.xy * half_;
  float c = cos(h);
  float s = sin(h);
  vec2 world = p + vec2(c * local.x - s * local.y, s * local.x + c * local.y);
  vUnit = positions.xy;
  vHalfPixels = vec2(project_size_to_pixel(half_.x, UNIT_METERS), project_size_to_pixel(half_.y, UNIT_METERS));
  vSelected = abs(agent - agents.selected) < 0.5 ? 1.0 : 0.0;
  vHovered = abs(agent - agents.hovered) < 0.5 ? 1.0 : 0.0;
  geometry.worldPosition = vec3(p, 0.0);
  geometry.uv = positions.xy;
  geometry.pickingColor = picking_getPickingColorFromInstanceID();
  gl_Position = project_position_to_clipspace(vec3(world, 0.0), vec3(0.0), vec3(0.0), geometry.position);
  DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
  vFill = vec4(instanceFillColors.rgb, instanceFillColors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vFill, geometry);
  vLine = vec4(instanceLineColors.rgb, instanceLineColors.a * layer.opacity);
}
`;

const fs = /* glsl */ `\
#version 300 es
#define SHADER_NAME agent-layer-fragment-shader
precision highp float;
in vec4 vFill;
in vec4 vLine;
in vec2 vUnit;
in vec2 vHalfPixels;
in float vSelected;
in float vHovered;
out vec4 fragColor;
void main(void) {
  geometry.uv = vUnit;
  // distance to the box edge in pixels: outlines keep their on-screen width at every zoom
  vec2 edge = (1.0 - abs(vUnit)) * vHalfPixels;
  float d = min(edge.x, edge.y);
  float lw = agents.lineWidthPixels * (vSelected > 0.5 ? 2.0 : 1.0);
  vec4 c = vFill;
  // the front fifth of the box is lighter so the heading reads at a glance
  if (vUnit.x > 0.6 && abs(vUnit.y) < (1.0 - vUnit.x) / 0.4) c.rgb = mix(c.rgb, vec3(1.0), 0.55);
  if (vHovered > 0.5) c.rgb = mix(c.rgb, vec3(1.0), 0.3);
  if (d < lw) c = vSelected > 0.5 ? vec4(1.0, 1.0, 1.0, 1.0) : vLine;
  fragColor = c;
  DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;

/** Binary per-instance columns, N*T instances in agent-major order. */
export interface AgentBuffers {
  length: number;
  steps: number;
  attributes: {
    getPose0: { value: Float32Array; size: 4 };
    getPose1: { value: Float32Array; size: 4 };
    getSizes: { value: Float32Array; size: 4 };
    getFillColor: { value: Uint8Array; size: 4; normalized: true };
    getLineColor: { value: Uint8Array; size: 4; normalized: true };
  };
}

export interface AgentLayerProps extends LayerProps {
  data: AgentBuffers;
  /** Fractional step. */
  time: number;
  /** Track index drawn as selected, -1 for none. */
  selected: number;
  /** Track index under the pointer, -1 for none. */
  hovered: number;
  lineWidthPixels: number;
}

const defaultProps: DefaultProps<AgentLayerProps> = {
  time: 0,
  selected: -1,
  hovered: -1,
  lineWidthPixels: 2,
};

export class AgentLayer extends Layer<AgentLayerProps> {
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
    model.shaderInputs.setProps({ agents: { time, steps: data.steps, selected, hovered, lineWidthPixels } });
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
