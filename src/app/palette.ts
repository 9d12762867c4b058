// Every colour the viewer draws with, in one place, so the legend and the layers cannot disagree.
import { LaneType, ObjectType, RoadEdgeType, RoadLineType, SignalState } from '../scene/scene';
import { getPredictor, type PredictorId as PredictorName } from '../model/registry';

export type RGBA = [number, number, number, number];

export const BACKGROUND: RGBA = [21, 23, 28, 255];
/**
 * Presenter mode's high-contrast theme (for projectors): a black ground, since a projector shows
 * the page's dark grey as a lit grey that the map's grey lines sink into.
 */
export const HIGH_CONTRAST_BACKGROUND: RGBA = [0, 0, 0, 255];

/**
 * Least brightness of a map line's strongest channel in the high-contrast theme: lane centres
 * (110-142) and the other greys are lifted to it, hue kept, so they stand out of a projected black.
 */
const HIGH_CONTRAST_MIN = 220;

/** A map line's colour in the high-contrast theme: opaque, and lifted to HIGH_CONTRAST_MIN. */
export function highContrast(c: RGBA): RGBA {
  const top = Math.max(c[0], c[1], c[2], 1);
  const k = Math.max(1, HIGH_CONTRAST_MIN / top);
  return [
    Math.min(255, Math.round(c[0] * k)),
    Math.min(255, Math.round(c[1] * k)),
    Math.min(255, Math.round(c[2] * k)),
    255,
  ];
}

export const LANE_COLORS: Record<number, RGBA> = {
  [LaneType.Undefined]: [110, 116, 128, 150],
  [LaneType.Freeway]: [97, 145, 214, 170],
  [LaneType.SurfaceStreet]: [120, 128, 142, 170],
  [LaneType.BikeLane]: [96, 190, 120, 190],
};

const WHITE: RGBA = [235, 235, 235, 230];
const YELLOW: RGBA = [240, 196, 40, 235];

export interface LineStyle {
  color: RGBA;
  /** Two parallel lines instead of one. */
  double: boolean;
  /** Broken (dashed) for each of the (up to two) lines: left then right. */
  broken: [boolean, boolean];
}

/** WOMD road line types as drawn: colour, single/double and broken/solid per line. */
export function roadLineStyle(type: number): LineStyle {
  switch (type) {
    case RoadLineType.BrokenSingleWhite:
      return { color: WHITE, double: false, broken: [true, true] };
    case RoadLineType.SolidSingleWhite:
      return { color: WHITE, double: false, broken: [false, false] };
    case RoadLineType.SolidDoubleWhite:
      return { color: WHITE, double: true, broken: [false, false] };
    case RoadLineType.BrokenSingleYellow:
      return { color: YELLOW, double: false, broken: [true, true] };
    case RoadLineType.BrokenDoubleYellow:
      return { color: YELLOW, double: true, broken: [true, true] };
    case RoadLineType.SolidSingleYellow:
      return { color: YELLOW, double: false, broken: [false, false] };
    case RoadLineType.SolidDoubleYellow:
      return { color: YELLOW, double: true, broken: [false, false] };
    case RoadLineType.PassingDoubleYellow:
      return { color: YELLOW, double: true, broken: [true, false] };
    default:
      return { color: [170, 170, 170, 200], double: false, broken: [false, false] };
  }
}

export const ROAD_EDGE_COLORS: Record<number, RGBA> = {
  [RoadEdgeType.Unknown]: [200, 200, 200, 220],
  [RoadEdgeType.Boundary]: [225, 225, 230, 240],
  [RoadEdgeType.Median]: [230, 120, 60, 240],
};

export const CROSSWALK_COLOR: RGBA = [230, 230, 230, 90];
export const SPEED_BUMP_COLOR: RGBA = [240, 150, 40, 150];
export const DRIVEWAY_COLOR: RGBA = [150, 110, 200, 90];
export const STOP_SIGN_COLOR: RGBA = [220, 40, 40, 255];

export const AGENT_COLORS: Record<number, RGBA> = {
  [ObjectType.Unset]: [150, 150, 150, 230],
  [ObjectType.Vehicle]: [74, 144, 226, 235],
  [ObjectType.Pedestrian]: [236, 112, 99, 235],
  [ObjectType.Cyclist]: [88, 200, 110, 235],
  [ObjectType.Other]: [190, 160, 90, 235],
};

/** Outline colours mark an agent's role; the highest role wins. */
export const ROLE_COLORS = {
  none: [20, 22, 26, 255] as RGBA,
  predict: [0, 220, 230, 255] as RGBA,
  interest: [255, 0, 200, 255] as RGBA,
  sdc: [255, 220, 0, 255] as RGBA,
};

export function signalColor(state: number): RGBA {
  switch (state) {
    case SignalState.Stop:
    case SignalState.ArrowStop:
    case SignalState.FlashingStop:
      return [235, 50, 50, 255];
    case SignalState.Caution:
    case SignalState.ArrowCaution:
    case SignalState.FlashingCaution:
      return [245, 190, 30, 255];
    case SignalState.Go:
    case SignalState.ArrowGo:
      return [40, 210, 90, 255];
    default:
      return [150, 150, 150, 255];
  }
}

export const css = (c: RGBA) => `rgba(${c[0]},${c[1]},${c[2]},${(c[3] / 255).toFixed(2)})`;

/**
 * One colour per latent mode, the same wherever the mode appears (map, panel, legend): mode k
 * means LABEL_NAMES[k]. Chosen apart from the agent type colours. Constant velocity is grey.
 */
export const MODE_COLORS: RGBA[] = [
  [255, 140, 26, 255], // A passes first
  [186, 104, 255, 255], // B passes first
  [46, 214, 190, 255], // no interaction
];
export const CV_COLOR: RGBA = [225, 225, 225, 255];

/**
 * Colours for the modes of a predictor whose modes carry no label meaning (the vanilla CVAE): as
 * distinct from each other as MODE_COLORS, but none of them, so no mode reads as a label.
 */
export const PLAIN_MODE_COLORS: RGBA[] = [
  [80, 150, 255, 255],
  [255, 225, 70, 255],
  [255, 95, 160, 255],
];

/**
 * Colours of the kinematic baseline's 6 joint predictions (mode k: the k+1-th most probable), one
 * each and distinct from each other; none is a label colour, so no hypothesis reads as a label.
 * Five are Okabe and Ito's colour-universal palette (2008: vermillion, sky blue, yellow, reddish
 * purple, blue), the sixth a bright green picked to stay apart from them and the label colours:
 * the earlier web colours (lawn green beside gold) were 3 ΔE00 apart under deuteranopia
 * (test/unit/palette-cvd.test.ts checks every mode palette under the three deficiencies).
 */
export const KINEMATIC_COLORS: RGBA[] = [
  [213, 94, 0, 255], // vermillion
  [0, 238, 153, 255], // spring green
  [86, 180, 233, 255], // sky blue
  [240, 228, 66, 255], // yellow
  [204, 121, 167, 255], // reddish purple
  [0, 114, 178, 255], // blue
];

export function modeColor(variant: PredictorName, mode: number): RGBA {
  if (variant === 'constant_velocity') return CV_COLOR;
  if (variant === 'kinematic') return KINEMATIC_COLORS[mode] ?? CV_COLOR;
  return (getPredictor(variant).modesMeanLabels ? MODE_COLORS : PLAIN_MODE_COLORS)[mode] ?? CV_COLOR;
}

/** Interaction graph edges (labels/ interactionGraph), by relation. */
export const RELATION_COLORS: Record<'passes_first' | 'yields_to' | 'follows', RGBA> = {
  passes_first: [255, 214, 102, 235],
  yields_to: [255, 92, 92, 235],
  follows: [140, 170, 255, 220],
};
