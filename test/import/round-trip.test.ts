import { join } from 'path';
import { corpusVersions, loadCases, withCorpus } from '../conformance/cases';
import { compareManifests } from '../conformance/compare';
import { expectedDocs } from '../conformance/run-case';
import { ImportResult } from '../../src/import/program';
import { leafPaths } from '../../src/import/values-tree';
import { DEFAULT_CHART_VERSION } from '../../src/values/chart-version';
import { importCase, importUnlessRefused } from './import-helper';
import { runProgram } from './program-runner';
import { runCommand } from '../cli/cli-helper';

/**
 * The migration round trip over the golden corpus of every chart version: each case's values are
 * imported (`import --version V`) into a TypeScript program, the program is transpiled and run as
 * `cdk8s synth` would run it, and what it synthesizes must be the chart's golden output of that
 * version, config hash included.
 */

withCorpus('Import round trip', () => {
  describe.each(corpusVersions().map((v) => [v]))('chart %s', (version) => {
    const cases = loadCases(version);
    const rendered = cases.filter((c) => c.expected !== undefined);
    const refused = cases.filter((c) => c.mustMention !== undefined);
    const results = new Map<string, ImportResult>();
    const passed = new Set<string>();
    const refusedByPreflight = new Set<string>();

    describe('every corpus case imports into a program that renders like the chart', () => {
      test.each(rendered.map((c) => [c.name, c] as const))('%s', (name, c) => {
        const result = importUnlessRefused(c);
        if (result === undefined) {
          refusedByPreflight.add(name);
          return;
        }
        results.set(name, result);
        const problems = compareManifests(expectedDocs(c), runProgram(result.program), true);
        if (problems.length > 0) {
          throw new Error(`${name} (${version}): the imported program differs from the chart:\n  ${problems.slice(0, 20).join('\n  ')}\n\n` +
            result.program);
        }
        passed.add(name);
      });
    });

    describe('import refuses the values the chart refuses, as template does', () => {
      test.each(refused.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        const r = runCommand(['import', '--name', c.release.name, '-n', c.release.namespace, '--version', version, '-f', join(c.dir, 'values.yaml')]);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
        for (const word of c.mustMention!) expect(r.stderr.toLowerCase()).toContain(word.toLowerCase());
      });
    });

    test('imports the tutorial case with typed props only', () => {
      const tutorial = rendered.find((c) => c.name.startsWith('seed-05'));
      expect(tutorial).toBeDefined();
      expect((results.get(tutorial!.name) ?? importCase(tutorial!)).raw).toEqual({});
    });

    if (version !== DEFAULT_CHART_VERSION) {
      test('the program names the chart version it renders', () => {
        const tutorial = rendered.find((c) => c.name.startsWith('seed-05'))!;
        expect((results.get(tutorial.name) ?? importCase(tutorial)).program).toContain(`      chartVersion: '${version}',\n`);
      });
    }

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
      const list = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([k, n]) => `${k} ×${n}`).join(', ');
      process.stdout.write(
        `\nimport round trip ${version}: ${passed.size}/${rendered.length} cases render like the chart, ` +
          `${refusedByPreflight.size} refused as check refuses them (pods their own policies refuse); ` +
          `${results.size - withRaw.length} with typed props only, ${withRaw.length} with raw values\n` +
          `  typed props: ${list(typed)}\n  raw values (by section): ${list(rawSections)}\n`,
      );
    });
  });
});
