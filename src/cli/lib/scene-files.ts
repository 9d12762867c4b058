// The CLI's file arguments: files of any readable format (waymo/open.ts) and directories, walked
// recursively in path order with the app's folder rule (isScenarioCandidate).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isScenarioCandidate, openSceneFile, type SceneFile } from '../../waymo';
import { nodeFileSource } from '../../waymo/node-file';
import type { Scene } from '../../scene/scene';

/** Files named, and the candidate files under each directory named, in order. */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (isScenarioCandidate(p)) out.push(p);
    }
  };
  for (const p of paths) {
    if (statSync(p).isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

/** Opens a file of any format from disk. */
export async function openPath(path: string): Promise<SceneFile> {
  return openSceneFile(await nodeFileSource(path));
}

/**
 * Each file of the given files and directories, opened, in order; a file that cannot be opened is
 * printed as `PATH: cannot open: REASON` and counted in `failed.count` (the CLIs exit 1 on it).
 */
export async function* openEach(
  paths: string[],
  failed: { count: number },
): AsyncGenerator<{ path: string; file: SceneFile }> {
  const cannot = (path: string, e: unknown) => {
    console.log(`${path}: cannot open: ${e instanceof Error ? e.message : String(e)}`);
    failed.count++;
  };
  for (const arg of paths) {
    let files: string[];
    try {
      files = expandPaths([arg]); // a missing path: named, and the other arguments still read
    } catch (e) {
      cannot(arg, e);
      continue;
    }
    for (const path of files) {
      try {
        yield { path, file: await openPath(path) };
      } catch (e) {
        cannot(path, e);
      }
    }
  }
}

/**
 * Every scene of the given files and directories, one at a time (memory holds one scene), with
 * its file; unreadable files and records are reported to `onProblem` and skipped.
 */
export async function* scenesOf(
  paths: string[],
  onProblem: (message: string) => void,
): AsyncGenerator<{ path: string; scene: Scene }> {
  for (const path of expandPaths(paths)) {
    let file: SceneFile;
    try {
      file = await openPath(path);
    } catch (e) {
      onProblem(e instanceof Error ? e.message : String(e));
      continue;
    }
    file.problems.forEach((p) => onProblem(p.message));
    try {
      for await (const r of file.scenes()) {
        if (r.scene) yield { path, scene: r.scene };
        else onProblem(r.error!.message);
      }
    } finally {
      await file.close?.(); // also when the caller stops early
    }
  }
}
