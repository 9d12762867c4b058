// Layer toggles with the legend of what each layer draws, in the palette the layers use. A dock
// panel (DockPanel: beside or below the map, its fold remembered); the toggles are a compact grid
// and the legend stays folded to its one-line button until asked (remembered too), so the panel
// is a short strip, not a column of swatches.
import { LaneType, ObjectType, RoadEdgeType, RoadLineType } from '../../scene/scene';
import {
  AGENT_COLORS,
  CROSSWALK_COLOR,
  css,
  CV_COLOR,
  KINEMATIC_COLORS,
  MODE_COLORS,
  PLAIN_MODE_COLORS,
  RELATION_COLORS,
  DRIVEWAY_COLOR,
  LANE_COLORS,
  ROAD_EDGE_COLORS,
  roadLineStyle,
  ROLE_COLORS,
  signalColor,
  SPEED_BUMP_COLOR,
  STOP_SIGN_COLOR,
  type RGBA,
} from '../palette';
import { SignalState } from '../../scene/scene';
import { LABEL_NAMES } from '../../labels';
import { LAYER_KEYS, LAYER_LABELS, type LayerKey, type Store } from '../store';
import { useStore } from '../useStore';
import { useRemembered } from '../hooks/useRemembered';
import { DockPanel } from './DockPanel';

type Swatch = {
  label: string;
  color: RGBA;
  shape: 'line' | 'double' | 'dash' | 'dashdouble' | 'area' | 'dot' | 'box' | 'outline';
};

const line = (type: number, label: string): Swatch => {
  const s = roadLineStyle(type);
  const shape = s.double ? (s.broken[0] ? 'dashdouble' : 'double') : s.broken[0] ? 'dash' : 'line';
  return { label, color: s.color, shape };
};

const LEGEND: Partial<Record<LayerKey, Swatch[]>> = {
  lanes: [
    { label: 'freeway', color: LANE_COLORS[LaneType.Freeway]!, shape: 'line' },
    { label: 'surface street', color: LANE_COLORS[LaneType.SurfaceStreet]!, shape: 'line' },
    { label: 'bike lane', color: LANE_COLORS[LaneType.BikeLane]!, shape: 'line' },
  ],
  roadLines: [
    line(RoadLineType.BrokenSingleWhite, 'broken white'),
    line(RoadLineType.SolidSingleWhite, 'solid white'),
    line(RoadLineType.SolidDoubleWhite, 'double white'),
    line(RoadLineType.BrokenSingleYellow, 'broken yellow'),
    line(RoadLineType.SolidSingleYellow, 'solid yellow'),
    line(RoadLineType.SolidDoubleYellow, 'double yellow'),
    line(RoadLineType.PassingDoubleYellow, 'passing double yellow'),
  ],
  roadEdges: [
    { label: 'boundary', color: ROAD_EDGE_COLORS[RoadEdgeType.Boundary]!, shape: 'line' },
    { label: 'median', color: ROAD_EDGE_COLORS[RoadEdgeType.Median]!, shape: 'line' },
  ],
  crosswalks: [{ label: 'crosswalk', color: CROSSWALK_COLOR, shape: 'area' }],
  speedBumps: [{ label: 'speed bump', color: SPEED_BUMP_COLOR, shape: 'area' }],
  driveways: [{ label: 'driveway', color: DRIVEWAY_COLOR, shape: 'area' }],
  stopSigns: [{ label: 'stop sign', color: STOP_SIGN_COLOR, shape: 'dot' }],
  signals: [
    { label: 'stop', color: signalColor(SignalState.Stop), shape: 'dot' },
    { label: 'caution', color: signalColor(SignalState.Caution), shape: 'dot' },
    { label: 'go', color: signalColor(SignalState.Go), shape: 'dot' },
    { label: 'unknown', color: signalColor(SignalState.Unknown), shape: 'dot' },
  ],
  agents: [
    { label: 'vehicle', color: AGENT_COLORS[ObjectType.Vehicle]!, shape: 'box' },
    { label: 'pedestrian', color: AGENT_COLORS[ObjectType.Pedestrian]!, shape: 'box' },
    { label: 'cyclist', color: AGENT_COLORS[ObjectType.Cyclist]!, shape: 'box' },
    { label: 'other', color: AGENT_COLORS[ObjectType.Other]!, shape: 'box' },
    { label: 'SDC', color: ROLE_COLORS.sdc, shape: 'outline' },
    { label: 'object of interest', color: ROLE_COLORS.interest, shape: 'outline' },
    { label: 'track to predict', color: ROLE_COLORS.predict, shape: 'outline' },
  ],
  predictions: [
    ...LABEL_NAMES.map((label, k): Swatch => ({
      label: `pseudo-label CVAE: ${label}`,
      color: MODE_COLORS[k]!,
      shape: 'line',
    })),
    ...PLAIN_MODE_COLORS.map((color, k): Swatch => ({
      label: `vanilla CVAE: mode ${k + 1} (no label meaning)`,
      color,
      shape: 'line',
    })),
    { label: 'constant velocity', color: CV_COLOR, shape: 'line' },
    ...KINEMATIC_COLORS.map((color, k): Swatch => ({
      label: `kinematic: joint hypothesis ${k + 1} (by probability)`,
      color,
      shape: 'line',
    })),
  ],
  graph: [
    { label: 'passes first →', color: RELATION_COLORS.passes_first, shape: 'line' },
    { label: 'yields to →', color: RELATION_COLORS.yields_to, shape: 'line' },
    { label: 'follows →', color: RELATION_COLORS.follows, shape: 'line' },
  ],
};

function SwatchIcon({ s }: { s: Swatch }) {
  const c = css(s.color);
  const style: React.CSSProperties =
    s.shape === 'area'
      ? { background: c, border: '1px solid #ddd' }
      : s.shape === 'dot'
        ? { background: c, borderRadius: '50%', width: 14 }
        : s.shape === 'box'
          ? { background: c }
          : s.shape === 'outline'
            ? { border: `3px solid ${c}` }
            : {
                borderTop: `3px ${s.shape.startsWith('dash') ? 'dashed' : 'solid'} ${c}`,
                borderBottom: s.shape.endsWith('double')
                  ? `3px ${s.shape.startsWith('dash') ? 'dashed' : 'solid'} ${c}`
                  : undefined,
                height: s.shape.endsWith('double') ? 4 : 0,
                alignSelf: 'center',
              };
  return <span className="swatch" style={style} />;
}

export function LayerPanel({ store }: { store: Store }) {
  const layers = useStore(store, (s) => s.layers);
  const [legend, setLegend] = useRemembered('legend', false);
  return (
    <DockPanel
      id="layers"
      className="layer-panel"
      testId="layer-panel"
      defaultOpen
      summary={<summary>Layers</summary>}
    >
      <button
        className="legend-toggle"
        data-testid="legend-toggle"
        aria-expanded={legend}
        onClick={() => setLegend(!legend)}
      >
        {legend ? 'hide the legend' : 'show the legend'}
      </button>
      <div className={`layer-rows ${legend ? 'with-legend' : ''}`}>
        {LAYER_KEYS.map((k) => (
          <div key={k} className="layer-row">
            <label>
              <input
                type="checkbox"
                data-testid={`layer-${k}`}
                checked={layers[k]}
                onChange={(e) => store.set({ layers: { ...store.get().layers, [k]: e.target.checked } })}
              />
              {LAYER_LABELS[k]}
            </label>
            {legend && layers[k] && LEGEND[k] && (
              <ul className="legend" data-testid={`legend-${k}`}>
                {LEGEND[k].map((s) => (
                  <li key={s.label}>
                    <SwatchIcon s={s} />
                    {s.label}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </DockPanel>
  );
}
