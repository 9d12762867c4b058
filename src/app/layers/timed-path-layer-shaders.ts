// The TimedPathLayer's GLSL, injected into PathLayer's shaders: every vertex carries its step
// (interpolated along each segment into vTime) and the fragment shader keeps the part before
// `time` (the trail, fading over trailSteps) or after it (the future). Uniforms come from
// `timedPath` (timed-path-layer-uniforms.ts).

export const timedPathInjections = {
  'vs:#decl': `in float instanceTimestamps;\nin float instanceNextTimestamps;\nout float vTime;\n`,
  'vs:#main-end': `vTime = instanceTimestamps + (instanceNextTimestamps - instanceTimestamps) * vPathPosition.y / vPathLength;\n`,
  'fs:#decl': `in float vTime;\n`,
  'fs:#main-start': `\
if (timedPath.future > 0.5 ? vTime < timedPath.time : (vTime > timedPath.time || vTime < timedPath.time - timedPath.trailSteps)) discard;
`,
  'fs:DECKGL_FILTER_COLOR': `\
if (timedPath.future < 0.5) color.a *= 1.0 - (timedPath.time - vTime) / timedPath.trailSteps;
`,
} as const;
