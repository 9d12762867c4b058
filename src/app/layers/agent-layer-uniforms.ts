// The AgentLayer's uniform block: the playback step and the selection and hover state, set once
// per frame in AgentLayer.draw, and the data texture (a binding, not in the block). Both shaders
// declare the block; `steps` and `textureWidth` let the vertex shader find an agent's texels.
// Laid out like deck.gl's trips-layer-uniforms.ts and icon-layer-uniforms.ts.
import type { Texture } from '@luma.gl/core';
import type { ShaderModule } from '@luma.gl/shadertools';

const uniformBlock = /* glsl */ `\
layout(std140) uniform agentsUniforms {
  float time;
  float steps;
  float selected;
  float hovered;
  float lineWidthPixels;
  float textureWidth;
} agents;
`;

export type AgentsUniformProps = {
  time: number;
  steps: number;
  selected: number;
  hovered: number;
  lineWidthPixels: number;
  textureWidth: number;
  agentsTexture?: Texture;
};

export const agentsUniforms = {
  name: 'agents',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: {
    time: 'f32',
    steps: 'f32',
    selected: 'f32',
    hovered: 'f32',
    lineWidthPixels: 'f32',
    textureWidth: 'f32',
  },
} as const satisfies ShaderModule<AgentsUniformProps>;
