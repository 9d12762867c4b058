// The TimedPathLayer's uniform block: the playback step, the trail length and the mode, set once
// per frame in TimedPathLayer.draw. Both shaders declare it. Laid out like deck.gl's
// trips-layer-uniforms.ts.
import type { ShaderModule } from '@luma.gl/shadertools';

const uniformBlock = /* glsl */ `\
layout(std140) uniform timedPathUniforms {
  float time;
  float trailSteps;
  float future;
} timedPath;
`;

export type TimedPathUniformProps = {
  time: number;
  trailSteps: number;
  future: number;
};

export const timedPathUniforms = {
  name: 'timedPath',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: { time: 'f32', trailSteps: 'f32', future: 'f32' },
} as const satisfies ShaderModule<TimedPathUniformProps>;
