// The AgentLayer's GLSL. One instance per agent: the vertex shader reads the agent's columns at
// step floor(time) from the layer's data texture (agentTexel, layout in agent-layer.ts),
// interpolates the pose between that step's two poses, and moves an agent not tracked then
// outside the clip volume; the fragment shader draws the box with a pixel-width outline and a
// lighter front. Uniforms come from `agents` (agent-layer-uniforms.ts).

export const vs = /* glsl */ `\
#version 300 es
#define SHADER_NAME agent-layer-vertex-shader
in vec3 positions;
uniform highp sampler2D agentsTexture;
out vec4 vFill;
out vec4 vLine;
out vec2 vUnit;
out vec2 vHalfPixels;
out float vSelected;
out float vHovered;

const float AGENT_PI = 3.141592653589793;
float wrapAngle(float a) { return a - 2.0 * AGENT_PI * floor((a + AGENT_PI) / (2.0 * AGENT_PI)); }

/** Texel k of the data texture, laid out in rows of agents.textureWidth texels. */
vec4 agentTexel(int k) {
  int w = int(agents.textureWidth);
  return texelFetch(agentsTexture, ivec2(k - (k / w) * w, k / w), 0);
}

void main(void) {
  float T = agents.steps;
  float agent = float(gl_InstanceID);
  float t = clamp(agents.time, 0.0, T - 1.0);
  float s0 = min(floor(t), T - 1.0);
  float frac = t - s0;
  // the agent's five columns of T texels each: pose, next pose, sizes, fill, line
  int steps = int(T);
  int k = gl_InstanceID * 5 * steps + int(s0);
  vec4 instancePose0 = agentTexel(k);
  vec4 instancePose1 = agentTexel(k + steps);
  vec4 instanceSizes = agentTexel(k + 2 * steps);
  vec4 instanceFillColors = agentTexel(k + 3 * steps);
  vec4 instanceLineColors = agentTexel(k + 4 * steps);
  bool v0 = instancePose0.w > 0.5;
  bool v1 = instancePose1.w > 0.5;
  bool shown = frac < 0.5 ? v0 : v1;
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

export const fs = /* glsl */ `\
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
