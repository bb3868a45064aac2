import { readFileSync, rmSync } from 'fs';
import { join } from 'path';
import * as ts from 'typescript';
import { apiReport, declarationFiles, emitDeclarations, REPORT } from '../../tools/api-report';

/** Declarations whose name users would see in completion and could call. */
function declaredNames(node: ts.Node, out: string[] = []): string[] {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name && (ts.isIdentifier(named.name) || ts.isPrivateIdentifier(named.name))) out.push(named.name.text);
  ts.forEachChild(node, (child) => {
    declaredNames(child, out);
  });
  return out;
}

/**
 * The type declarations the build publishes in lib/ (tsconfig.json, `stripInternal`), emitted
 * afresh into a folder of their own, so that a stale lib/ cannot hide a change.
 */
describe('the published type declarations', () => {
  let dir: string;
  beforeAll(() => {
    dir = emitDeclarations();
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('hold no _-prefixed or @internal member', () => {
    const files = declarationFiles(dir);
    expect(files).toContain(join('src', 'index.d.ts'));
    const leaks = files.flatMap((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
      return [
        ...declaredNames(source).filter((n) => n.startsWith('_')).map((n) => `${file}: ${n}`),
        ...(text.includes('@internal') ? [`${file}: @internal`] : []),
      ];
    });
    expect(leaks).toEqual([]);
  });

  test('are the public API of the committed report (after a deliberate change: npm run api-report, review, commit)', () => {
    expect(apiReport(dir)).toBe(readFileSync(REPORT, 'utf8'));
  });
});
