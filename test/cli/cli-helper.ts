import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from '../../src/cli/main';

/** Runs the command line in-process, reading files from disk; returns its status and output. */
export function runCommand(args: readonly string[], readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, readFile });
  return { code, stdout, stderr };
}

/** A fresh temporary folder and a function writing a named file into it (returns the path). */
export function tempFiles(prefix: string): { dir: string; file: (name: string, text: string) => string } {
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
