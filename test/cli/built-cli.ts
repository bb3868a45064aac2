import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, relative, resolve } from 'path';
import * as ts from 'typescript';

const PROJECT = resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/**
 * The command line as `npm run build` makes it, in a temporary folder: src/ and imports/
 * transpiled to CommonJS (types are checked by `npm test` already). Returns the path of main.js
 * and the environment that resolves its packages from this project's node_modules.
 */
export function buildCli(): { main: string; env: NodeJS.ProcessEnv } {
  const out = mkdtempSync(join(tmpdir(), 'cdk8s-vcluster-built-'));
  for (const file of [...sources(join(PROJECT, 'src')), ...sources(join(PROJECT, 'imports'))]) {
    const js = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, resolveJsonModule: true },
    }).outputText;
    const target = join(out, relative(PROJECT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, js);
  }
  return { main: join(out, 'src', 'cli', 'main.js'), env: { PATH: process.env.PATH, NODE_PATH: join(PROJECT, 'node_modules') } };
}
