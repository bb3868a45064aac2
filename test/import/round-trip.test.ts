import { join } from 'path';
import { ConformanceCase, loadCases, withCorpus } from '../conformance/cases';
import { compareManifests } from '../conformance/compare';
import { importValues, ImportResult } from '../../src/import/program';
import { leafPaths } from '../../src/import/values-tree';
import { parseValuesYaml } from '../../src/yaml/values-yaml';
import { runProgram, typeCheck } from './program-runner';
import { runCommand } from '../cli/cli-helper';

/**
 * The migration round trip over the golden corpus: each case's values are imported into a
 * TypeScript program, the program is transpiled and run as `cdk8s synth` would run it, and what
 * it synthesizes must be the chart's golden output, config hash included.
 */

function importCase(c: ConformanceCase): ImportResult {
  return importValues({
    name: c.release.name,
    namespace: c.release.namespace,
    kubeVersion: c.release.kubeVersion,
    values: [parseValuesYaml(c.valuesText, 'values.yaml')],
    sources: ['values.yaml'],
  });
}

withCorpus('Import round trip', () => {
  const cases = loadCases();
  const rendered = cases.filter((c) => c.expected !== undefined);
  const refused = cases.filter((c) => c.mustMention !== undefined);
  const results = new Map<string, ImportResult>();
  const passed = new Set<string>();

  describe('every corpus case imports into a program that renders like the chart', () => {
    test.each(rendered.map((c) => [c.name, c] as const))('%s', (name, c) => {
      const result = importCase(c);
      results.set(name, result);
      const problems = compareManifests(c.expected!, runProgram(result.program), true);
      if (problems.length > 0) {
        throw new Error(`${name}: the imported program differs from the chart:\n  ${problems.slice(0, 20).join('\n  ')}\n\n${result.program}`);
      }
      passed.add(name);
    });
  });

  describe('import refuses the values the chart refuses, as template does', () => {
    test.each(refused.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const r = runCommand(['import', '--name', c.release.name, '-n', c.release.namespace, '-f', join(c.dir, 'values.yaml')]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      for (const word of c.mustMention!) expect(r.stderr.toLowerCase()).toContain(word.toLowerCase());
    });
  });

  test('imported programs type-check against the library (the tutorial and the largest programs)', () => {
    // Transpiling does not check types, and type-checking all of them takes long: check the
    // tutorial's final step, the three programs with the most typed props and the two with the
    // most raw values.
    const all = rendered.map((c) => [c.name, results.get(c.name) ?? importCase(c)] as const);
    const typedSize = (r: ImportResult) => r.program.length - JSON.stringify(r.raw).length;
    const rawSize = (r: ImportResult) => JSON.stringify(r.raw).length;
    const largest = (size: (r: ImportResult) => number, n: number) =>
      [...all].sort((a, b) => size(b[1]) - size(a[1]) || a[0].localeCompare(b[0])).slice(0, n);
    const sample = new Map([...all.filter(([name]) => name.startsWith('seed-05')), ...largest(typedSize, 3), ...largest(rawSize, 2)]);
    expect(sample.size).toBeGreaterThanOrEqual(5);
    expect(typeCheck(Object.fromEntries([...sample].map(([name, r]) => [name, r.program])))).toEqual([]);
  });

  test('imports the tutorial case with typed props only', () => {
    const tutorial = rendered.find((c) => c.name.startsWith('seed-05'));
    expect(tutorial).toBeDefined();
    expect((results.get(tutorial!.name) ?? importCase(tutorial!)).raw).toEqual({});
  });

  afterAll(() => {
    const withRaw = [...results.values()].filter((r) => Object.keys(r.raw).length > 0);
    const rawSections = new Map<string, number>();
    for (const r of withRaw) {
      for (const section of new Set(leafPaths(r.raw).map((p) => p.split('.').slice(0, 2).join('.')))) {
        rawSections.set(section, (rawSections.get(section) ?? 0) + 1);
      }
    }
    const typed = new Map<string, number>();
    for (const r of results.values()) for (const p of r.typedProps) typed.set(p, (typed.get(p) ?? 0) + 1);
    const list = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ×${n}`).join(', ');
    process.stdout.write(
      `\nimport round trip: ${passed.size}/${rendered.length} cases render like the chart; ` +
        `${results.size - withRaw.length} with typed props only, ${withRaw.length} with raw values\n` +
        `  typed props: ${list(typed)}\n  raw values (by section): ${list(rawSections)}\n`,
    );
  });
});
