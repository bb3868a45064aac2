import { dirname, join, resolve } from 'path';
import * as cdk8s from 'cdk8s';
import * as ts from 'typescript';

const PROJECT = resolve(__dirname, '../..');

/**
 * Runs a program `cdk8s-vcluster import` wrote, as `cdk8s synth` would run it: transpiled to
 * CommonJS, with 'cdk8s-vcluster' resolved to this project's src and `App.synth()` caught
 * instead of writing dist/. Returns the manifest stream of the app it synthesized.
 */
export function runProgram(source: string): string {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  const synthesized: cdk8s.App[] = [];
  class CapturingApp extends cdk8s.App {
    public synth(): void {
      synthesized.push(this);
    }
  }
  const modules: Record<string, unknown> = {
    'cdk8s': { ...cdk8s, App: CapturingApp },
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the library as the generated program requires it
    'cdk8s-vcluster': require('../../src'),
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the generated program's own require
  const requireFor = (id: string): unknown => modules[id] ?? require(id);
  const module = { exports: {} };
  new Function('require', 'module', 'exports', js)(requireFor, module, module.exports);
  if (synthesized.length !== 1) throw new Error(`the program synthesized ${synthesized.length} apps, expected 1`);
  return synthesized[0].synthYaml();
}

/**
 * Type-checks generated programs against this project's types, as a user's project would with
 * cdk8s-vcluster installed: 'cdk8s-vcluster' maps to src/index.ts. The programs are checked as
 * files of test/import/ (never written), so that the other packages resolve from node_modules.
 * Returns the diagnostics as "file:line: message".
 */
export function typeCheck(programs: Readonly<Record<string, string>>): string[] {
  const virtual = new Map(Object.entries(programs).map(([name, text]) => [join(PROJECT, 'test/import/__generated__', `${name}.ts`), text]));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    noUnusedLocals: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
    baseUrl: PROJECT,
    paths: { 'cdk8s-vcluster': ['src/index.ts'] },
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (file, languageVersion, ...rest) => (virtual.has(file)
    ? ts.createSourceFile(file, virtual.get(file)!, languageVersion, true)
    : getSourceFile.call(host, file, languageVersion, ...rest));
  host.fileExists = (file) => virtual.has(file) || fileExists.call(host, file);
  host.readFile = (file) => virtual.get(file) ?? readFile.call(host, file);
  host.directoryExists = (dir) => dir === dirname([...virtual.keys()][0]) || ts.sys.directoryExists(dir);
  const program = ts.createProgram([...virtual.keys()], options, host);
  return ts.getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || virtual.has(d.file.fileName))
    .map((d) => {
      const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
      return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
}

