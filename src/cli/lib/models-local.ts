// models-local/ (DESIGN.md 6b: weights trained on real WOMD, git-ignored, never shipped) for the
// dev server: listLocalModels reads the folder (a pure listing, unit-tested on a temp dir), and
// modelsLocalPlugin serves it under /models-local/ in `vite` dev only: GET models-local/index.json
// lists the subfolders holding a model.json (name, card summary, weight bytes, and what does not fit
// the network, if anything), and models-local/NAME/FILE serves that folder's files. The plugin
// applies to `serve` alone, so `vite build` neither copies nor references any of it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { cardSummary, type LocalModelInfo } from '../../model/registry';
import { checkModelJson, checkShards, manifestShards } from '../../model/weights-check';

/** The folder, relative to the project root, and the URL path it is served under. */
export const MODELS_LOCAL = 'models-local';

/** A folder or file name that stays inside its parent: no separators, no '..', not hidden. */
const safeName = (n: string) => n !== '' && !n.startsWith('.') && !/[\\/]/.test(n) && n !== '..';

/**
 * The subfolders of `dir` that hold a model.json, by name: each with its card's summary, the bytes
 * its manifest's weights take, and the first thing that does not fit (the model.json against the
 * network, the shard files against the manifest). No folder: an empty list.
 */
export function listLocalModels(dir: string): LocalModelInfo[] {
  if (!existsSync(dir)) return [];
  const out: LocalModelInfo[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory() || !safeName(e.name)) continue;
    const path = join(dir, e.name, 'model.json');
    if (!existsSync(path)) continue;
    let raw: unknown = null;
    let problem: string | null = null;
    let weightsBytes = 0;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
      const json = checkModelJson(raw, `${e.name}/model.json`);
      weightsBytes = manifestShards(json).reduce((a, g) => a + g.bytes, 0);
      checkShards(json, (p) => {
        const f = join(dir, e.name, p);
        return safeName(p) && existsSync(f) ? statSync(f).size : undefined;
      });
    } catch (err) {
      problem = err instanceof Error ? err.message : String(err);
    }
    const meta =
      typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).userDefinedMetadata : null;
    out.push({ name: e.name, card: cardSummary(meta), weightsBytes, problem });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The middleware: `url` is the request path after the base ('/models-local/…'); answers
 * index.json and NAME/FILE of `dir`, 404 for anything else under /models-local/, and passes every
 * other path on.
 */
export function modelsLocalMiddleware(dir: string, base = '/') {
  const prefix = `${base.replace(/\/?$/, '/')}${MODELS_LOCAL}/`;
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const path = (req.url ?? '').split('?')[0]!;
    if (!path.startsWith(prefix)) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.end();
      return;
    }
    let parts: string[];
    try {
      parts = path.slice(prefix.length).split('/').map(decodeURIComponent);
    } catch {
      parts = [];
    }
    const send = (status: number, type: string, body: string | Buffer) => {
      res.statusCode = status;
      res.setHeader('Content-Type', type);
      res.setHeader('Cache-Control', 'no-store'); // training writes new weights under the same name
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (parts.length === 1 && parts[0] === 'index.json')
      return send(200, 'application/json', JSON.stringify(listLocalModels(dir)));
    if (parts.length === 2 && parts.every(safeName)) {
      const file = resolve(dir, parts[0]!, parts[1]!);
      if (file.startsWith(resolve(dir) + sep) && existsSync(file) && statSync(file).isFile())
        return send(
          200,
          file.endsWith('.json') ? 'application/json' : 'application/octet-stream',
          readFileSync(file),
        );
    }
    send(404, 'text/plain', `not in ${MODELS_LOCAL}/: ${path}`);
  };
}

/** The dev server's route to models-local/ (`vite` only: `apply: 'serve'`, never in a build). */
export function modelsLocalPlugin(): Plugin {
  return {
    name: 'modescope-models-local',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(
        modelsLocalMiddleware(resolve(server.config.root, MODELS_LOCAL), server.config.base),
      );
    },
  };
}
