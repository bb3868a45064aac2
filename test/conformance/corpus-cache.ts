import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { deserialize, serialize } from 'v8';

const WAIT_MS = 120_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * What the corpus suites (conformance, import round trip and type check, helm-yaml) compute for
 * the same case, computed once per jest run: each suite runs in a module registry of its own,
 * often in another worker, so results go to the run's directory (made by global-setup.ts). The
 * first suite to need one computes it while the others wait for the file. In V8's serialization,
 * which keeps what YAML can hold and JSON cannot (NaN, Infinity, -0). Without the directory (a
 * jest run with another config, tools/), nothing is shared.
 */
export function cached<T>(kind: string, caseName: string, compute: () => T): T {
  const dir = process.env.CDK8S_VCLUSTER_CORPUS_CACHE;
  if (!dir) return compute();
  mkdirSync(join(dir, kind), { recursive: true });
  const file = join(dir, kind, `${caseName}.bin`);
  const lock = `${file}.lock`;
  if (!existsSync(file) && !claim(lock)) {
    // Another worker computes it; if it gives up (its suite failed), compute it here.
    for (const start = Date.now(); !existsSync(file) && existsSync(lock) && Date.now() - start < WAIT_MS;) Atomics.wait(sleeper, 0, 0, 20);
  }
  if (existsSync(file)) return deserialize(readFileSync(file)) as T;
  try {
    const value = compute();
    // Written aside and renamed, so that no worker reads half a file.
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, serialize(value));
    renameSync(partial, file);
    return value;
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Whether this worker is the one to compute (it created the lock file). */
function claim(lock: string): boolean {
  try {
    closeSync(openSync(lock, 'wx'));
    return true;
  } catch {
    return false;
  }
}
