import { readFileSync } from 'fs';
import { join } from 'path';
import { ConformanceCase } from './cases';
import { compareManifests, loadAll } from './compare';
import { cached } from './corpus-cache';
import { runCli } from '../../src/cli/main';
import { ChartVersion, DEFAULT_CHART_VERSION } from '../../src/values/chart-version';

export interface CaseResult {
  readonly passed: boolean;
  /** Differences from the golden output, or why the refusal did not match. */
  readonly problems: string[];
  /** Whether the vClusterConfigHash annotation equals the chart's as well (strict mode). */
  readonly hashMatches: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs one case through the CLI, exactly as a user would: `template NAME -n NS --kube-version V -f values.yaml`.
 * With strictHash, the vClusterConfigHash annotation must equal the chart's too.
 */
export function runCase(c: ConformanceCase, strictHash = false): CaseResult {
  const { code, stdout, stderr } = templateOf(c);
  if (c.mustMention) {
    const problems: string[] = [];
    if (code === 0) problems.push('expected the values to be refused, but they rendered');
    if (stdout !== '') problems.push('printed manifests although the values were refused');
    for (const word of c.mustMention) {
      if (!stderr.toLowerCase().includes(word.toLowerCase())) problems.push(`error does not mention "${word}": ${stderr.trim()}`);
    }
    return { passed: problems.length === 0, problems, hashMatches: false, stdout, stderr };
  }
  if (code !== 0) return { passed: false, problems: [`refused: ${stderr.trim()}`], hashMatches: false, stdout, stderr };
  const expected = expectedDocs(c);
  const actual = loadAll(stdout);
  const problems = compareManifests(expected, actual, strictHash);
  const hashMatches = strictHash ? problems.length === 0 : compareManifests(expected, actual, true).length === 0;
  return { passed: problems.length === 0, problems, hashMatches, stdout, stderr };
}

/** What `template` prints for the case, once per run. */
export function templateOf(c: ConformanceCase): { readonly code: number; readonly stdout: string; readonly stderr: string } {
  return cached(`template-${c.version}`, c.name, () => {
    let stdout = '';
    let stderr = '';
    const code = runCli(
      ['template', c.release.name, '-n', c.release.namespace, '--kube-version', c.release.kubeVersion, '--version', c.version, '-f',
        join(c.dir, 'values.yaml')],
      { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, readFile: (p) => readFileSync(p), env: {} },
    );
    return { code, stdout, stderr };
  });
}

/** The golden `helm template` output of a case that renders, parsed once per run. */
export function expectedDocs(c: Pick<ConformanceCase, 'name' | 'expected'> & { readonly version?: ChartVersion }): readonly unknown[] {
  return cached(`expected-${c.version ?? DEFAULT_CHART_VERSION}`, c.name, () => loadAll(c.expected!));
}
