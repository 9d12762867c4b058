// The app under hostile input (issue 18 items 5 and 6), in the built app (wasm), every wait for a
// state:
// - links (?file=, ?predictions=) served by this test's own HTTP server on another origin: a
//   refused connection, a server without CORS, an HTML page sent as 200, a 404, and files over
//   the size cap (?maxmb=) with and without Content-Length: each named with its URL, the good
//   file opens beside them, and "load anyway up to N MB" opens the large ones; a link whose only
//   file fails opens the demo set, which plays;
// - a link full of bad values (unknown scene, garbage time, model, backend, speed, layer, a
//   parameter the app does not read; then an agent id and a time the scene lacks): each a one-line
//   notice naming the parameter and value, and the demo plays;
// - a scenario id, a file name and a submission's method name that are HTML
//   (`<img src=x onerror=…>`): shown as text, never run;
// - three dozen damaged files (test/fixtures/fuzz-files.ts, seeded) and an empty one opened at once: no page
//   error, every file named (in the scene list, the problems line or the submissions list), and
//   the demo set opened afterwards plays.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../src/cli/lib/browser';
import { encodeRecords, encodeScene } from '../../src/waymo';
import { fuzzBases, fuzzCases } from '../fixtures/fuzz-files';
import { encodeSubmission, jointEntry, line } from '../fixtures/submissions';
import { galleryScene, waitForScene } from './viewer-fixtures';

const ROOT = join(import.meta.dirname, '../..');
const DEMO = join(ROOT, 'public/demo/demo.tfrecord');
const ROWS = '[data-testid="scene-list"] [data-scene-id]';
const XSS = '<img src=x onerror=window.__pwned=1>';

const gallery = (ids: string[]) => encodeRecords(ids.map((id) => encodeScene(galleryScene(id))));
const OK = gallery(['ok-scene']);
/** Over the cap below, under 1 MB (what "load anyway" raises it to). */
const BIG = gallery(['big-1', 'big-2', 'big-3']);
const CHUNKED = gallery(['chunked-1', 'chunked-2', 'chunked-3']);
/** The cap in the link, MB: above OK, below BIG and CHUNKED. */
const CAP_MB = +((OK.length * 1.5) / 2 ** 20).toFixed(4);

let h: Harness;
let server: ReturnType<typeof createServer>;
let files: string;
/** A port nothing listens on (a server was there and stopped): the connection is refused. */
let refused: string;

/** The hostile server's routes (all with CORS but /nocors). */
function serve(req: IncomingMessage, res: ServerResponse) {
  const cors = { 'Access-Control-Allow-Origin': '*' };
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/ok.tfrecord') res.writeHead(200, { ...cors, 'Content-Length': OK.length }).end(OK);
  else if (path === '/nocors.tfrecord') res.writeHead(200, { 'Content-Length': OK.length }).end(OK);
  else if (path === '/page.tfrecord' || path === '/page.binproto')
    res
      .writeHead(200, { ...cors, 'Content-Type': 'text/html' })
      .end('<!DOCTYPE html>\n<html><body>Sign in to download</body></html>');
  else if (path === '/big.tfrecord') res.writeHead(200, { ...cors, 'Content-Length': BIG.length }).end(BIG);
  else if (path === '/chunked.tfrecord') {
    // no Content-Length: sent in pieces, so the page counts bytes as they come
    res.writeHead(200, cors);
    for (let at = 0; at < CHUNKED.length; at += 16384) res.write(CHUNKED.subarray(at, at + 16384));
    res.end();
  } else res.writeHead(404, cors).end('not found');
}

beforeAll(async () => {
  server = createServer(serve);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  files = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const gone = createServer();
  await new Promise<void>((r) => gone.listen(0, '127.0.0.1', r));
  refused = `http://127.0.0.1:${(gone.address() as AddressInfo).port}`;
  await new Promise<void>((r) => gone.close(() => r()));
  h = await startHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

/** A page that records its uncaught errors. */
async function openPage(query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await h.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.url}?backend=wasm&${query}`);
  return { page, errors };
}

const listed = (page: Page) =>
  page.locator(ROWS).evaluateAll((els) => els.map((e) => e.getAttribute('data-scene-id')));
const texts = (page: Page, testid: string) => page.getByTestId(testid).allTextContents();
const link = (q: Record<string, string | string[]>) =>
  Object.entries(q)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k}=${encodeURIComponent(x)}`))
    .join('&');

/** Plays and waits until the time moves past where it was: the viewer is alive. */
async function playsOn(page: Page) {
  const t0 = await page.evaluate(() => window.__modescope!.store.get().time);
  await page.evaluate(() => window.__modescope!.store.set({ playing: true }));
  await page.waitForFunction((t) => window.__modescope!.store.get().time > t + 1, t0, { timeout: 60_000 });
}

describe('files by link that cannot be read', () => {
  it('each is named with its URL, the good one opens, and "load anyway" opens the large ones', async () => {
    const urls = {
      refused: `${refused}/gone.tfrecord`,
      nocors: `${files}/nocors.tfrecord`,
      html: `${files}/page.tfrecord`,
      missing: `${files}/missing.tfrecord`,
      big: `${files}/big.tfrecord`,
      chunked: `${files}/chunked.tfrecord`,
      ok: `${files}/ok.tfrecord`,
    };
    const { page, errors } = await openPage(
      link({
        maxmb: String(CAP_MB),
        file: Object.values(urls),
        predictions: [`${files}/page.binproto`, `${refused}/gone.binproto`],
      }),
    );
    await expect.poll(() => listed(page), { timeout: 60_000 }).toEqual(['ok-scene']);
    const problems = await texts(page, 'file-problem');
    const about = (url: string) => problems.filter((p) => p.startsWith(`${url}: `));
    expect(problems).toHaveLength(6);
    expect(about(urls.refused)[0]).toMatch(/could not be reached/);
    expect(about(urls.nocors)[0]).toMatch(
      /does not let this page read the file.*Access-Control-Allow-Origin/,
    );
    expect(about(urls.html)[0]).toMatch(/an HTML page, not a scenario or predictions file/);
    expect(about(urls.missing)[0]).toMatch(/HTTP 404/);
    expect(about(urls.big)[0]).toMatch(
      new RegExp(`the file is 0\\.\\d MB, over the ${CAP_MB.toFixed(2)} MB cap .*nothing was downloaded`),
    );
    expect(about(urls.chunked)[0]).toMatch(
      /passed the [\d.]+ MB cap .* \(the server did not say its size; the download was stopped\)$/,
    );
    // the submissions by link are named in the submissions list, with their URLs
    await expect.poll(() => texts(page, 'submission-error'), { timeout: 60_000 }).toHaveLength(2);
    const subs = await texts(page, 'submission-error');
    expect(subs.find((s) => s.startsWith(`${files}/page.binproto: `))).toMatch(/an HTML page/);
    expect(subs.find((s) => s.startsWith(`${refused}/gone.binproto: `))).toMatch(/could not be reached/);

    await waitForScene(page, 'ok-scene');
    expect(await page.getByTestId('load-anyway').textContent()).toBe('load anyway up to 1 MB');
    await page.getByTestId('load-anyway').click();
    await expect
      .poll(() => listed(page), { timeout: 60_000 })
      .toEqual(['big-1', 'big-2', 'big-3', 'chunked-1', 'chunked-2', 'chunked-3', 'ok-scene']);
    expect(await texts(page, 'file-problem')).toHaveLength(4);
    expect(await page.getByTestId('load-anyway').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a link of bad values', () => {
  it('a link whose only file fails, and every other value bad: the demo opens, each named, and plays', async () => {
    const { page, errors } = await openPage(
      link({
        file: `${refused}/gone.tfrecord`,
        scene: 'no-such-scene',
        t: 'abc',
        model: 'gpt-9',
        speed: '3',
        off: 'bogus',
        theme: XSS,
      }),
    );
    await waitForScene(page);
    await expect.poll(() => page.locator(ROWS).count(), { timeout: 60_000 }).toBe(42);
    expect(await texts(page, 'file-problem')).toEqual([
      `${refused}/gone.tfrecord: could not be reached (the connection was refused, the host is unknown or you are offline)`,
    ]);
    await expect.poll(() => texts(page, 'url-notice'), { timeout: 60_000 }).toHaveLength(6);
    const notices = await texts(page, 'url-notice');
    expect(notices).toEqual(
      expect.arrayContaining([
        'ignored t=abc: not a step number (0 or more)',
        'ignored model=gpt-9: no model of that name',
        'ignored speed=3: not one of 0.25, 0.5, 1, 2, 4',
        expect.stringMatching(/^ignored off=bogus: no such layer/),
        `ignored theme=${XSS}: not a parameter ModeScope reads`,
        'ignored scene=no-such-scene: no scene of that id in the open files',
      ]),
    );
    await playsOn(page);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an agent, a pair and a time the scene lacks: ignored with a notice, the scene opens and plays', async () => {
    // the demo's first scene, as the page lists it
    const first = await openPage('');
    await waitForScene(first.page);
    const id = await first.page.evaluate(() => window.__modescope!.store.get().scene!.id);
    await first.page.close();
    const { page, errors } = await openPage(link({ scene: id, t: '5000', sel: '987654', pair: '987654,1' }));
    await waitForScene(page, id);
    await expect.poll(() => texts(page, 'url-notice'), { timeout: 60_000 }).toHaveLength(3);
    const notices = await texts(page, 'url-notice');
    expect(notices).toContain(`ignored sel=987654: no agent of that track id in scene ${id}`);
    expect(notices).toContain(`ignored pair=987654,1: not two different agents of scene ${id}`);
    expect(notices.find((n) => n.startsWith('ignored t=5000: past the last step'))).toBeDefined();
    const s = await page.evaluate(() => {
      const st = window.__modescope!.store.get();
      return { time: st.time, last: st.scene!.timestamps.length - 1, selected: st.selected, pair: st.pair };
    });
    expect(s).toEqual({ time: s.last, last: s.last, selected: -1, pair: null });
    await page.evaluate(() => window.__modescope!.store.set({ time: 0 }));
    await playsOn(page);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('user strings are text, never HTML', () => {
  it('a scenario id, a file name and a method name that are HTML show literally and never run', async () => {
    const { page, errors } = await openPage('');
    await waitForScene(page);
    await page.getByTestId('file-input').setInputFiles({
      name: `${XSS}.tfrecord`,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(gallery([XSS])),
    });
    await waitForScene(page, XSS);
    const sub = encodeSubmission({
      submissionType: 2,
      uniqueMethodName: XSS,
      scenarioPredictions: [
        jointEntry(XSS, [{ confidence: 1, objects: [{ id: 701, ...line(4000, -1938, 1, 0) }] }]),
      ],
    });
    await page.getByTestId('submission-input').setInputFiles({
      name: `${XSS}.binproto`,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(sub),
    });
    await page.waitForSelector('[data-testid=submission-summary]', { timeout: 60_000 });
    expect(await listed(page)).toEqual([XSS]);
    expect(await page.getByTestId('scene-title').textContent()).toBe(XSS);
    expect(await page.getByTestId('file-status').textContent()).toContain(`${XSS}.tfrecord`);
    expect(await page.getByTestId('submission-summary').textContent()).toContain(XSS);
    const options = await page.locator('[data-testid=model-variant] option').allTextContents();
    expect(options).toContain(`${XSS} (submission)`);
    // no element was made from the strings: no <img src=x> anywhere, nothing ran
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a fuzzed app', () => {
  it('36 damaged files and an empty one at once: no page error, every file named; the demo set opened after plays', async () => {
    // and an empty file, which once opened as a file of no scenes with nothing said
    const cases = [
      ...fuzzCases(await fuzzBases({ real: false }), 36, 2026),
      { name: 'empty.tfrecord', bytes: new Uint8Array(0) },
    ];
    const { page, errors } = await openPage('');
    await waitForScene(page);
    await page.getByTestId('file-input').setInputFiles(
      cases.map((c) => ({
        name: c.name,
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(c.bytes),
      })),
    );
    // every file is named somewhere: a heading over its scenes, a problem line, or the submissions list
    const unnamed = () =>
      page.evaluate(
        (names) => names.filter((n) => !document.body.innerText.includes(n)),
        cases.map((c) => c.name),
      );
    await expect.poll(unnamed, { timeout: 120_000 }).toEqual([]);
    await page.waitForFunction(
      () => !document.querySelector('[data-testid=file-status]')?.textContent?.includes('reading'),
      null,
      {
        timeout: 120_000,
      },
    );
    const rows = await page.locator('[data-testid=record-error]').count();
    const problems = (await texts(page, 'file-problem')).length;
    const subs = (await texts(page, 'submission-error')).length;
    console.log(
      `fuzzed app: ${cases.length} files, ${await page.locator(ROWS).count()} scenes listed, ${rows} record errors, ${problems} file problems, ${subs} submission errors`,
    );
    expect(errors).toEqual([]);

    await page.getByTestId('file-input').setInputFiles(DEMO);
    await expect.poll(() => page.locator(ROWS).count(), { timeout: 60_000 }).toBe(42);
    await waitForScene(page);
    await page.waitForFunction(() => window.__modescope!.store.get().scene !== null, null, {
      timeout: 60_000,
    });
    await playsOn(page);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
