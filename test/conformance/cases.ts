import { existsSync, readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { parse } from 'yaml';

/** Where the golden corpus lives: ../shared beside the project, as in CI. */
export const CASES_DIR = resolve(__dirname, '../../../shared/conformance/vcluster-0.36.1/cases');

export interface ConformanceCase {
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

export function loadCases(): ConformanceCase[] {
  return readdirSync(CASES_DIR).sort().map((name) => {
    const dir = join(CASES_DIR, name);
    const read = (f: string) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : undefined);
    const error = read('error.json');
    return {
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
