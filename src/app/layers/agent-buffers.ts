// The AgentLayer's data: binary per-instance columns, one instance per (agent, step) in
// agent-major order. Both users build them here: the scene's agents (agents.ts) and the
// prediction's ghost boxes (predictions.ts). An instance never written stays all zero, so it is
// invalid at both poses and the layer never draws it.

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

/** One instance's columns, four numbers each. */
export interface AgentInstance {
  /** [x, y, heading, valid] at the instance's step. */
  pose0: ArrayLike<number>;
  /** [x, y, heading, valid] at the next step. */
  pose1: ArrayLike<number>;
  /** [length, width] at the step, then at the next step. */
  sizes: ArrayLike<number>;
  /** RGBA, 0-255. */
  fill: ArrayLike<number>;
  /** RGBA, 0-255. */
  line: ArrayLike<number>;
}

/** Zeroed columns for `agents` agents of `steps` steps each. */
export function agentBuffers(agents: number, steps: number): AgentBuffers {
  const n = agents * steps;
  return {
    length: n,
    steps,
    attributes: {
      getPose0: { value: new Float32Array(n * 4), size: 4 },
      getPose1: { value: new Float32Array(n * 4), size: 4 },
      getSizes: { value: new Float32Array(n * 4), size: 4 },
      getFillColor: { value: new Uint8Array(n * 4), size: 4, normalized: true },
      getLineColor: { value: new Uint8Array(n * 4), size: 4, normalized: true },
    },
  };
}

/** Writes instance `instance` (agent * steps + step). */
export function setAgentInstance(buffers: AgentBuffers, instance: number, v: AgentInstance): void {
  const a = buffers.attributes;
  const o = instance * 4;
  a.getPose0.value.set(v.pose0, o);
  a.getPose1.value.set(v.pose1, o);
  a.getSizes.value.set(v.sizes, o);
  a.getFillColor.value.set(v.fill, o);
  a.getLineColor.value.set(v.line, o);
}
