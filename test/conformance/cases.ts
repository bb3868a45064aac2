import { existsSync, readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { parse } from 'yaml';
import { CHART_VERSIONS, ChartVersion, DEFAULT_CHART_VERSION, isChartVersion } from '../../src/values/chart-version';

/** Where the golden corpora live, one folder per chart version: ../shared beside the project, as in CI. */
export const CONFORMANCE_DIR = resolve(__dirname, '../../../shared/conformance');

/** The corpus folder of a chart version. */
export function casesDir(version: ChartVersion): string {
  return join(CONFORMANCE_DIR, `vcluster-${version}`, 'cases');
}

/** The default chart version's corpus, which the suites beside conformance read. */
export const CASES_DIR = casesDir(DEFAULT_CHART_VERSION);

/** The chart versions with a corpus, oldest first; a corpus of a version not rendered fails. */
export function corpusVersions(): ChartVersion[] {
  const found = readdirSync(CONFORMANCE_DIR).map((d) => /^vcluster-(.+)$/.exec(d)?.[1]).filter((v): v is string => v !== undefined);
  const unknown = found.filter((v) => !isChartVersion(v));
  if (unknown.length > 0) throw new Error(`corpora of chart versions not rendered: ${unknown.join(', ')}`);
  return CHART_VERSIONS.filter((v) => found.includes(v));
}

export interface ConformanceCase {
  /** The chart version of the corpus. */
  readonly version: ChartVersion;
  readonly name: string;
  readonly dir: string;
  readonly release: { readonly name: string; readonly namespace: string; readonly kubeVersion: string };
  readonly valuesText: string;
  /** The golden `helm template` output, when the chart renders these values. */
  readonly expected?: string;
  /** Words the error must mention, when the chart refuses these values. */
  readonly mustMention?: readonly string[];
}

/**
 * Defines the tests that need data from ../shared (the corpus, the chart data) when it is there.
 * A user's own clone has no ../shared: then the tests are skipped with a message saying so,
 * except with CI=true, where its absence fails.
 */
export function whenPresent(dir: string, skipped: string, define: () => void): void {
  if (existsSync(dir)) {
    define();
    return;
  }
  const inCi = process.env.CI === 'true';
  (inCi ? test : test.skip)(`${dir} is present`, () => {
    throw new Error(`${dir} is missing; CI must run with ../shared beside the clone`);
  });
  if (!inCi) console.warn(`${skipped} skipped: ${dir} is not beside this clone.`);
}

/** {@link whenPresent} for the conformance corpus. */
export function withCorpus(skipped: string, define: () => void): void {
  whenPresent(CASES_DIR, skipped, define);
}

export function loadCases(version: ChartVersion = DEFAULT_CHART_VERSION): ConformanceCase[] {
  const cases = casesDir(version);
  return readdirSync(cases).sort().map((name) => {
    const dir = join(cases, name);
    const read = (f: string) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : undefined);
    const error = read('error.json');
    return {
      version,
      name,
      dir,
      release: JSON.parse(read('release.json')!),
      valuesText: read('values.yaml') ?? '',
      expected: read('expected.yaml'),
      mustMention: error ? JSON.parse(error).mustMention : undefined,
    };
  });
}

/** The case's values as the CLI reads them. */
export function caseValues(c: ConformanceCase): Record<string, unknown> {
  return parse(c.valuesText, { version: '1.1' }) ?? {};
}
