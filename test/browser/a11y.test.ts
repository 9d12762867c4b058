// Usable by everyone in the room (issue 17 item 5), on the built app: axe-core (the page's own copy,
// injected) finds no serious or critical violation on the main views (the scene list and the map,
// the predictions panel with a prediction shown, the shortcut sheet, the split view, the file-level
// table after a run), and every control is reachable by Tab alone and operated by Enter or Space
// (buttons, checkboxes, the summaries that fold the panels, the table rows that open a scene or a
// mode, the sortable headers). Presenter mode is checked too, in both themes.
// Every wait is for a state.
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../src/cli/lib/browser';
import { waitForScene } from './viewer-fixtures';

const require = createRequire(import.meta.url);
/** expect.poll gives up after 1 s by default: far too soon on a loaded CI machine. */
const WAIT = { timeout: 60_000 };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

async function open(): Promise<Page> {
  const page = await h.newPage();
  await page.goto(`${h.url}?backend=wasm`);
  await waitForScene(page);
  return page;
}

async function waitForPrediction(page: Page, which: 'prediction' | 'comparePrediction' = 'prediction') {
  await page.waitForFunction(
    (which) => {
      const s = window.__modescope!.store.get();
      return s[which]?.sceneId === s.scene?.id && !s.model.pending;
    },
    which,
    { timeout: 120_000 },
  );
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's violations on the whole page as it is now (axe injected once per page). */
async function axe(page: Page, view: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const found = await page.evaluate(async () => {
    const r = await (
      window as unknown as {
        axe: {
          run(c: Document): Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: string[]; html: string }[];
            }[];
          }>;
        };
      }
    ).axe.run(document);
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.html.slice(0, 100)}`),
    }));
  });
  console.log(
    `${view}: ${found.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ') || 'none'}`,
  );
  return found;
}

/** The serious and critical ones, which must be none. */
const severe = (v: Violation[]) => v.filter((x) => x.impact === 'serious' || x.impact === 'critical');

const store = <T>(page: Page, f: string) =>
  page.evaluate((f) => (0, eval)(`(s) => ${f}`)(window.__modescope!.store.get()) as T, f);

/** Focuses the control and presses a key on it, as a keyboard user would after tabbing to it. */
async function press(l: Locator, key: string) {
  await l.focus();
  await l.press(key);
}

describe('accessibility', () => {
  it('axe: no serious or critical violation on the list, map, predictions, sheet, split view and presenter mode', async () => {
    const page = await open();
    expect(severe(await axe(page, 'list and map'))).toEqual([]);
    await waitForPrediction(page);
    expect(severe(await axe(page, 'predictions panel, prediction shown'))).toEqual([]);
    await page.getByTestId('legend-toggle').click();
    await page.locator('body').press('?');
    await page.getByTestId('shortcuts').waitFor();
    expect(severe(await axe(page, 'shortcut sheet and legend'))).toEqual([]);
    await page.keyboard.press('Escape');
    await page.selectOption('[data-testid=compare-variant]', 'vanilla');
    await waitForPrediction(page, 'comparePrediction');
    expect(severe(await axe(page, 'split view'))).toEqual([]);
    // presenter mode, both models captioned, then its high-contrast theme
    await page.locator('body').press('p');
    await page.getByTestId('presenter-caption').waitFor();
    expect(severe(await axe(page, 'presenter mode'))).toEqual([]);
    await page.getByTestId('presenter-contrast').click();
    await page.waitForFunction(() => window.__modescope!.store.get().presenter.contrast);
    expect(severe(await axe(page, 'presenter mode, high contrast'))).toEqual([]);
    await page.close();
  });

  it('every control is reachable by Tab alone', async () => {
    const page = await open();
    await waitForPrediction(page);
    // every control shown, named by an index of its own
    const controls = await page.evaluate(() => {
      const els = [
        ...document.querySelectorAll<HTMLElement>(
          'button, select, input, summary, [data-pressable], .scene-table, [tabindex="0"]',
        ),
      ].filter((e) => e.getClientRects().length > 0 && !(e as HTMLButtonElement).disabled);
      return els.map((e, k) => {
        e.dataset.kb = String(k);
        return `${e.tagName.toLowerCase()} ${e.dataset.testid ?? e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 24) ?? ''}`;
      });
    });
    expect(controls.length).toBeGreaterThan(60);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const seen = new Set<number>();
    // once round the page: stop when the focus comes back to the first control it reached
    let first: string | null = null;
    for (let n = 0; n < controls.length * 2 + 20; n++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(
        () => (document.activeElement as HTMLElement | null)?.dataset.kb ?? null,
      );
      if (at === null) continue;
      if (at === first) break;
      first ??= at;
      seen.add(Number(at));
    }
    const missed = controls.filter((_, k) => !seen.has(k));
    console.log(`${seen.size} of ${controls.length} controls reached by Tab`);
    expect(missed).toEqual([]);
    await page.close();
  });

  it('Enter and Space operate buttons, checkboxes, summaries and the rows that act as buttons', async () => {
    const page = await open();
    await waitForPrediction(page);
    // a button: Enter plays, Space pauses (and Space is the button's, not also the app's play key)
    await press(page.getByTestId('play'), 'Enter');
    await expect.poll(() => store(page, 's.playing'), WAIT).toBe(true);
    await press(page.getByTestId('play'), ' ');
    await expect.poll(() => store(page, 's.playing'), WAIT).toBe(false);
    await press(page.getByTestId('resample'), 'Enter');
    await expect.poll(() => store(page, 's.predict.seed'), WAIT).toBe(2);
    // a checkbox (loop is on by default)
    const loop = await store<boolean>(page, 's.loop');
    await press(page.locator('.playback input[type=checkbox]'), ' ');
    await expect.poll(() => store(page, 's.loop'), WAIT).toBe(!loop);
    // a scene row: Enter opens it, Space opens the next and does not play
    const ids = await page
      .locator('[data-scene-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-scene-id')!));
    await press(page.locator(`[data-scene-id="${ids[3]}"]`), 'Enter');
    await waitForScene(page, ids[3]);
    await press(page.locator(`[data-scene-id="${ids[4]}"]`), ' ');
    await waitForScene(page, ids[4]);
    expect(await store(page, 's.playing')).toBe(false);
    // a mode row shows only its mode; its force button forces without also toggling the row
    await waitForPrediction(page);
    await press(page.getByTestId('mode-row-1'), 'Enter');
    await expect.poll(() => store(page, 's.predict.shownMode'), WAIT).toBe(1);
    await press(page.getByTestId('force-mode-2'), 'Enter');
    await expect.poll(() => store(page, 's.predict.forcedMode'), WAIT).toBe(2);
    expect(await store(page, 's.predict.shownMode')).toBe(null);
    // a summary folds its panel
    const layers = page.getByTestId('layer-panel');
    await press(layers.locator('summary'), 'Enter');
    await expect.poll(() => layers.evaluate((d) => (d as HTMLDetailsElement).open), WAIT).toBe(false);
    // share by its key
    await page.locator('body').press('s');
    await expect.poll(() => page.getByTestId('share-note').textContent(), WAIT).not.toBe('');
    // an agent selected without a mouse: 'n' the next on the map, shift N back to the one before
    await page.locator('body').press('n');
    await expect.poll(() => store(page, 's.selected'), WAIT).toBeGreaterThanOrEqual(0);
    const agent = await store<number>(page, 's.selected');
    await page.locator('body').press('n');
    await expect.poll(() => store(page, 's.selected'), WAIT).not.toBe(agent);
    await page.locator('body').press('Shift+N');
    await expect.poll(() => store(page, 's.selected'), WAIT).toBe(agent);
    await page.close();
  });

  it('the file-level table: run by keyboard, axe finds nothing severe, headers sort and rows open by keyboard', async () => {
    const page = await open();
    await press(page.getByTestId('file-run-open'), 'Enter');
    await press(page.getByTestId('file-run-start'), 'Enter');
    const table = page.getByTestId('file-run-table');
    await table.waitFor({ timeout: 240_000 });
    await page.getByTestId('file-run-progress').waitFor({ state: 'detached', timeout: 240_000 });
    expect(severe(await axe(page, 'file-level table'))).toEqual([]);
    const header = table.locator('th[data-sort=minFDE]');
    await press(header, 'Enter');
    await expect.poll(() => header.getAttribute('aria-sort'), WAIT).toBe('ascending');
    await press(header, ' ');
    await expect.poll(() => header.getAttribute('aria-sort'), WAIT).toBe('descending');
    const row = table.locator('tbody tr').nth(5);
    const want = await row.locator('td').nth(1).textContent();
    await press(row, 'Enter');
    await waitForScene(page, want!);
    await page.close();
  });
});
