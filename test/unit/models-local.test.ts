// models-local/ (DESIGN.md 6b): the dev server lists its model folders and serves their files, and
// the production build never contains it. The listing runs on a temp dir holding a copy of the
// shipped model, a broken one and non-model folders; the middleware answers fake requests; and one
// real `vite build` of the project (a temp copy that links src/ and public/, with a fake
// models-local/ beside them) shows nothing of models-local/ reaches the output.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import viteConfig from '../../vite.config';
import { listLocalModels, modelsLocalMiddleware, modelsLocalPlugin } from '../../src/cli/lib/models-local';

const root = join(import.meta.dirname, '../..');
const shipped = join(root, 'public/models/pseudo');
let tmp: string;

/** models-local/ with: ok (the shipped model), short (truncated weights), wide (a wrong shape), notes (no model.json). */
function fakeModelsLocal(dir: string) {
  const add = (name: string, json: string, bin: Buffer) => {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, 'model.json'), json);
    writeFileSync(join(dir, name, 'weights.bin'), bin);
  };
  const text = readFileSync(join(shipped, 'model.json'), 'utf8');
  const bin = readFileSync(join(shipped, 'weights.bin'));
  add('ok', text, bin);
  add('short', text, bin.subarray(0, bin.length - 400));
  const wide = JSON.parse(text) as { weightsManifest: { weights: { name: string; shape: number[] }[] }[] };
  wide.weightsManifest[0]!.weights.find((w) => w.name === 'prior2/kernel')!.shape[1] = 5;
  add('wide', JSON.stringify(wide), bin);
  mkdirSync(join(dir, 'notes'));
  writeFileSync(join(dir, 'notes', 'README.md'), 'not a model');
  writeFileSync(join(dir, 'stray.bin'), 'x');
  mkdirSync(join(dir, '.hidden'));
  copyFileSync(join(shipped, 'model.json'), join(dir, '.hidden', 'model.json'));
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'modescope-models-local-'));
  fakeModelsLocal(join(tmp, 'models-local'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the list of models-local/', () => {
  it('names the folders holding a model.json, with their card and what does not fit', () => {
    const list = listLocalModels(join(tmp, 'models-local'));
    expect(list.map((m) => m.name)).toEqual(['ok', 'short', 'wide']);
    const [ok, short, wide] = list;
    expect(ok!.problem).toBeNull();
    expect(ok!.weightsBytes).toBe(statSync(join(shipped, 'weights.bin')).size);
    expect(ok!.card).toMatchObject({ variant: 'pseudo', labelWeight: 1, modesMeanLabels: true });
    expect(short!.problem).toMatch(/^weights\.bin: .* the manifest needs/);
    expect(wide!.problem).toMatch(
      /^wide\/model\.json: weight 'prior2\/kernel' has shape \[\d+,5\], the network needs \[\d+,3\]$/,
    );
    expect(listLocalModels(join(tmp, 'absent'))).toEqual([]);
  });
});

/** Runs the middleware on a GET of `url`; what it answered (null: it passed the request on). */
function get(url: string, base = '/') {
  const mw = modelsLocalMiddleware(join(tmp, 'models-local'), base);
  const headers: Record<string, string> = {};
  let body: Buffer | null = null;
  let passed = false;
  const res = {
    statusCode: 200,
    setHeader: (k: string, v: string) => void (headers[k] = v),
    end: (b?: string | Buffer) => void (body = b === undefined ? Buffer.alloc(0) : Buffer.from(b)),
  };
  mw({ url, method: 'GET' } as IncomingMessage, res as unknown as ServerResponse, () => (passed = true));
  return passed ? null : { status: res.statusCode, headers, body: body! };
}

describe('the dev server route', () => {
  it('answers index.json and a folder’s files, 404 elsewhere under it, and passes other paths on', () => {
    const index = get('/models-local/index.json')!;
    expect(index.status).toBe(200);
    expect(index.headers['Content-Type']).toBe('application/json');
    expect((JSON.parse(index.body.toString()) as { name: string }[]).map((m) => m.name)).toEqual([
      'ok',
      'short',
      'wide',
    ]);
    const w = get('/models-local/ok/weights.bin?v=1')!;
    expect(w.status).toBe(200);
    expect(w.body.equals(readFileSync(join(shipped, 'weights.bin')))).toBe(true);
    expect(get('/models-local/ok/model.json')!.headers['Content-Type']).toBe('application/json');
    expect(get('/models-local/ok/missing.bin')!.status).toBe(404);
    expect(get('/models-local/..%2F..%2Fetc/passwd')!.status).toBe(404);
    expect(get('/models-local/ok/..%2F..%2Fmodels-local%2Fok%2Fmodel.json')!.status).toBe(404);
    expect(get('/models-local/.hidden/model.json')!.status).toBe(404);
    expect(get('/models/pseudo/model.json')).toBeNull();
    // under another base path
    expect(get('/app/models-local/index.json', '/app/')!.status).toBe(200);
  });

  it('is a dev-server plugin only, and the build copies public/ alone', () => {
    expect(modelsLocalPlugin().apply).toBe('serve');
    const cfg = viteConfig as { publicDir?: unknown; plugins?: unknown[] };
    expect(cfg.publicDir ?? 'public').toBe('public');
    expect(existsSync(join(root, 'public/models-local'))).toBe(false);
  });
});

describe('the production build', () => {
  it('contains nothing of models-local/ even when it is there', () => {
    // a copy of the project: its own models-local/ (the repo's is left alone), src/ and public/ linked
    const proj = join(tmp, 'project');
    mkdirSync(proj);
    for (const f of ['src', 'public', 'node_modules', 'package.json', 'tsconfig.json'])
      symlinkSync(join(root, f), join(proj, f));
    // (the build's entry and config as files: a linked entry resolves outside the copy)
    for (const f of ['index.html', 'vite.config.ts']) copyFileSync(join(root, f), join(proj, f));
    const local = join(proj, 'models-local');
    fakeModelsLocal(local);
    // unmistakable contents: a marker in the card, and weights no shipped file has
    const marker = `models-local-marker-${randomBytes(6).toString('hex')}`;
    const json = JSON.parse(readFileSync(join(local, 'ok/model.json'), 'utf8')) as Record<string, unknown>;
    json.userDefinedMetadata = { variant: 'pseudo', note: marker };
    writeFileSync(join(local, 'ok/model.json'), JSON.stringify(json));
    const weights = randomBytes(statSync(join(local, 'ok/weights.bin')).size);
    writeFileSync(join(local, 'ok/weights.bin'), weights);

    const out = join(tmp, 'dist');
    const t0 = performance.now();
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--logLevel', 'error'],
      {
        cwd: proj,
        stdio: 'pipe',
      },
    );
    const ms = performance.now() - t0;
    console.log(`vite build of the project copy: ${(ms / 1000).toFixed(1)} s`);

    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true }))
        if (e.isDirectory()) walk(join(d, e.name));
        else files.push(join(d, e.name));
    };
    walk(out);
    const rel = files.map((f) => relative(out, f));
    // the check is not vacuous: the build ran and copied public/, the shipped models included
    expect(rel).toContain('index.html');
    expect(rel).toContain(join('models', 'pseudo', 'weights.bin'));
    expect(rel.filter((f) => f.includes('models-local'))).toEqual([]);
    for (const f of files) {
      const b = readFileSync(f);
      expect(b.includes(marker), relative(out, f)).toBe(false);
      expect(b.equals(weights), relative(out, f)).toBe(false);
    }
  });
});
