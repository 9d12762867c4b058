// The mode colours stay distinct under the common colour-vision deficiencies (issue 17, presenter
// mode: a lecture hall holds viewers with them). Every mode palette (palette.ts: the label modes,
// the vanilla CVAE's plain modes, the kinematic baseline's six) is simulated for full protanopia,
// deuteranopia and tritanopia with culori's filters (Machado, Oliveira and Fernandes 2009, severity
// 1), and every pair of colours in a palette must stay MIN_DE00 apart (CIEDE2000) in normal vision
// and in each simulation. Palettes are compared within themselves only: one map draws one model's
// modes (the split view puts a second model on a second map, with its own table).
import {
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  type Rgb,
} from 'culori';
import { describe, expect, it } from 'vitest';
import { KINEMATIC_COLORS, MODE_COLORS, PLAIN_MODE_COLORS, type RGBA } from '../../src/app/palette';

/**
 * Least CIEDE2000 difference between two mode colours, normal or simulated. 1-2 is a just
 * noticeable difference for large patches side by side; thin paths on a projector seen from the
 * back of a hall need far more, and 10 is where two colours are told apart at a glance without a
 * reference (the usual bar in categorical-palette work, e.g. Gramazio et al. 2017's Colorgorical
 * constraints). The palettes as shipped measure 17.1 (labels), 16.3 (plain) and 12.9 (kinematic).
 */
const MIN_DE00 = 10;

const de00 = differenceCiede2000();
const rgb = (c: RGBA): Rgb => ({ mode: 'rgb', r: c[0] / 255, g: c[1] / 255, b: c[2] / 255 });

const VISIONS: [string, (c: Rgb) => Rgb][] = [
  ['normal', (c) => c],
  ['protanopia', filterDeficiencyProt(1)],
  ['deuteranopia', filterDeficiencyDeuter(1)],
  ['tritanopia', filterDeficiencyTrit(1)],
];

/** The closest pair of a palette under one vision: its ΔE00 and which colours. */
function closest(pal: RGBA[], see: (c: Rgb) => Rgb): { de: number; pair: [number, number] } {
  const sim = pal.map((c) => see(rgb(c)));
  let best = { de: Infinity, pair: [-1, -1] as [number, number] };
  for (let i = 0; i < sim.length; i++)
    for (let j = i + 1; j < sim.length; j++) {
      const d = de00(sim[i]!, sim[j]!);
      if (d < best.de) best = { de: d, pair: [i, j] };
    }
  return best;
}

describe('mode colours under colour-vision deficiencies', () => {
  const palettes: [string, RGBA[]][] = [
    ['MODE_COLORS (labels)', MODE_COLORS],
    ['PLAIN_MODE_COLORS (vanilla CVAE)', PLAIN_MODE_COLORS],
    ['KINEMATIC_COLORS', KINEMATIC_COLORS],
  ];
  for (const [name, pal] of palettes)
    it(`${name}: every pair at least ${MIN_DE00} ΔE00 apart in every vision`, () => {
      for (const [vision, see] of VISIONS) {
        const c = closest(pal, see);
        console.log(`${name} ${vision}: closest pair ${c.pair.join('-')} at ${c.de.toFixed(1)} ΔE00`);
        expect(c.de, `${name} under ${vision}: colours ${c.pair.join(' and ')}`).toBeGreaterThanOrEqual(
          MIN_DE00,
        );
      }
    });

  it('the simulation is not the identity: a red and a green that differ in normal vision merge for deuteranopes', () => {
    // guards the check itself: a filter that did nothing would pass every palette
    const red: RGBA = [200, 60, 40, 255];
    const green: RGBA = [110, 130, 40, 255];
    expect(de00(rgb(red), rgb(green))).toBeGreaterThan(20);
    const see = filterDeficiencyDeuter(1);
    expect(de00(see(rgb(red)), see(rgb(green)))).toBeLessThan(MIN_DE00);
  });
});
