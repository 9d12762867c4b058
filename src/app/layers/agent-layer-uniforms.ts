// The AgentLayer's uniform block: the playback step and the selection and hover state, set once
// per frame in AgentLayer.draw. Both shaders declare it; `steps` lets the vertex shader split the
// flat instance index into (agent, step). Laid out like deck.gl's trips-layer-uniforms.ts.
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

export type AgentsUniformProps = {
  time: number;
  steps: number;
  selected: number;
  hovered: number;
  lineWidthPixels: number;
};

export const agentsUniforms = {
  name: 'agents',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: { time: 'f32', steps: 'f32', selected: 'f32', hovered: 'f32', lineWidthPixels: 'f32' },
} as const satisfies ShaderModule<AgentsUniformProps>;
