import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CliIo, runCli } from '../../src/cli/main';

/**
 * Runs the command line in-process, reading files from disk, in an empty environment (no
 * kubeconfig, no HELM_NAMESPACE) unless `env` is given; returns its status and output.
 */
export function runCommand(args: readonly string[], io: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    readFile: (p) => readFileSync(p),
    env: {},
    ...io,
  });
  return { code, stdout, stderr };
}

/** A fresh temporary folder and a function writing a named file into it (returns the path). */
export function tempFiles(prefix: string): { dir: string; file: (name: string, text: string | Uint8Array) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file: (name, text) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
  };
}
