/**
 * The public API report, api/cdk8s-vcluster.api.md: what users of the package see of it, read
 * off the type declarations the build publishes (lib/src/index.d.ts, with `stripInternal`), so
 * that a change of the public surface shows in review as a change of this file.
 *
 * Each export of the package's entry point is printed as its declaration (without comments),
 * in the entry point's order, then every type the exports refer to that the package declares but
 * does not export (users meet them in signatures, so they are part of the surface). Types of the
 * generated `imports/` are followed no further than the exports: they change with the chart's
 * schema, which `npm run generate` and its tests cover.
 *
 * `npm run api-report` writes the report; test/package/public-api.test.ts
 * fails when it is stale.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import * as ts from 'typescript';

const ROOT = resolve(__dirname, '..');
export const REPORT = join(ROOT, 'api', 'cdk8s-vcluster.api.md');

/**
 * Emits the type declarations as `npm run build` does (tsconfig.json), into a fresh folder
 * inside lib/ (so that they resolve the project's node_modules); returns the folder.
 */
export function emitDeclarations(): string {
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d: ts.Diagnostic) => { throw new Error(String(d.messageText)); } };
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, host)!;
  mkdirSync(join(ROOT, 'lib'), { recursive: true });
  const outDir = mkdtempSync(join(ROOT, 'lib', 'api-report-'));
  const program = ts.createProgram(config.fileNames, { ...config.options, outDir, declaration: true, emitDeclarationOnly: true, noEmit: false });
  const result = program.emit();
  const errors = ts.getPreEmitDiagnostics(program).concat(result.diagnostics).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    throw new Error(ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' }));
  }
  return outDir;
}

/** The declaration files under `dir`, relative to it. */
export function declarationFiles(dir: string): string[] {
  return ts.sys.readDirectory(dir, ['.d.ts']).map((f) => relative(dir, f)).sort();
}

/** The report for the declarations emitted into `dir`. */
export function apiReport(dir: string): string {
  const entry = join(dir, 'src', 'index.d.ts');
  const program = ts.createProgram([entry], { noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS });
  const checker = program.getTypeChecker();
  const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
  const ours = (file: ts.SourceFile) => !relative(dir, file.fileName).startsWith('..');
  const generated = (file: ts.SourceFile) => relative(dir, file.fileName).startsWith('imports');
  const resolveAlias = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);

  const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!);
  const exportedSymbols = new Set(exported.map(resolveAlias));
  const print = (s: ts.Symbol, name: string): string => {
    const declarations = (s.declarations ?? []).map((d) => (ts.isVariableDeclaration(d) ? d.parent.parent : d));
    const file = declarations[0].getSourceFile();
    const text = declarations.map((d) => printer.printNode(ts.EmitHint.Unspecified, d, file)).join('\n');
    const declared = s.getName() === name ? '' : ` (declared as ${s.getName()})`;
    return `// ${name}${declared}: ${relative(dir, file.fileName).replace(/\.d\.ts$/, '.ts')}\n${text}`;
  };

  // The types the exported declarations refer to, declared by the package but not exported.
  const referenced: ts.Symbol[] = [];
  const seen = new Set<ts.Symbol>(exportedSymbols);
  const follow = (node: ts.Node): void => {
    const name = ts.isTypeReferenceNode(node) ? node.typeName : ts.isExpressionWithTypeArguments(node) || ts.isTypeQueryNode(node)
      ? (ts.isTypeQueryNode(node) ? node.exprName : node.expression) : undefined;
    const symbol = name && checker.getSymbolAtLocation(name);
    if (symbol) {
      const target = resolveAlias(symbol);
      const file = target.declarations?.[0]?.getSourceFile();
      if (file && ours(file) && !seen.has(target) && !(target.flags & ts.SymbolFlags.TypeParameter)) {
        seen.add(target);
        referenced.push(target);
        if (!generated(file)) for (const d of target.declarations!) follow(d);
      }
    }
    ts.forEachChild(node, follow);
  };
  for (const s of exported) {
    const target = resolveAlias(s);
    const file = target.declarations?.[0]?.getSourceFile();
    if (file && !generated(file)) for (const d of target.declarations!) follow(d);
  }

  return [
    '## API report of "cdk8s-vcluster"',
    '',
    '> Generated by `npm run api-report` (tools/api-report.ts) from the published type declarations; do not edit.',
    '> A change here is a change of the public API: review it, and note it in CHANGELOG.md.',
    '',
    '### Exports',
    '',
    '```ts',
    exported.map((s) => print(resolveAlias(s), s.getName())).join('\n\n'),
    '```',
    '',
    '### Referenced by the exports, not exported',
    '',
    '```ts',
    referenced.map((s) => print(s, s.getName())).join('\n\n'),
    '```',
    '',
  ].join('\n');
}

if (require.main === module) {
  const dir = emitDeclarations();
  try {
    mkdirSync(dirname(REPORT), { recursive: true });
    writeFileSync(REPORT, apiReport(dir));
    process.stdout.write(`wrote ${relative(ROOT, REPORT)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
