// An agent's pose at a fractional step, the CPU twin of the viewer's agent shader: hover,
// follow-camera and tests read poses here, the GPU draws the same interpolation from the
// uploaded steps. Positions interpolate linearly and headings along the shorter arc; when only
// one of the two neighbouring steps is valid the nearer step decides and the valid one is used.
import {
  normalizeAngle,
  S_HEADING,
  S_LENGTH,
  S_VALID,
  S_VX,
  S_VY,
  S_WIDTH,
  S_X,
  S_Y,
  stateOffset,
  type Tracks,
} from './scene';

export interface Pose {
  x: number;
  y: number;
  heading: number;
  length: number;
  width: number;
  vx: number;
  vy: number;
}

/** Pose of track i at fractional step `time` (clamped to the scene), or null where it is not valid. */
export function poseAt(tracks: Tracks, i: number, time: number): Pose | null {
  const last = tracks.steps - 1;
  const t = Math.min(Math.max(time, 0), last);
  const s0 = Math.min(Math.floor(t), last);
  const s1 = Math.min(s0 + 1, last);
  const frac = t - s0;
  const st = tracks.state;
  const o0 = stateOffset(tracks, i, s0);
  const o1 = stateOffset(tracks, i, s1);
  const v0 = st[o0 + S_VALID] !== 0;
  const v1 = st[o1 + S_VALID] !== 0;
  if (!(frac < 0.5 ? v0 : v1)) return null;
  if (!(v0 && v1)) {
    const o = v0 ? o0 : o1;
    return {
      x: st[o + S_X]!,
      y: st[o + S_Y]!,
      heading: normalizeAngle(st[o + S_HEADING]!),
      length: st[o + S_LENGTH]!,
      width: st[o + S_WIDTH]!,
      vx: st[o + S_VX]!,
      vy: st[o + S_VY]!,
    };
  }
  const lerp = (f: number) => st[o0 + f]! + (st[o1 + f]! - st[o0 + f]!) * frac;
  const h0 = st[o0 + S_HEADING]!;
  return {
    x: lerp(S_X),
    y: lerp(S_Y),
    heading: normalizeAngle(h0 + normalizeAngle(st[o1 + S_HEADING]! - h0) * frac),
    length: st[o0 + S_LENGTH]!,
    width: st[o0 + S_WIDTH]!,
    vx: lerp(S_VX),
    vy: lerp(S_VY),
  };
}
