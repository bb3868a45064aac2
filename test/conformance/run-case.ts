import { readFileSync } from 'fs';
import { join } from 'path';
import { ConformanceCase } from './cases';
import { compareManifests } from './compare';
import { runCli } from '../../src/cli/main';

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
  let stdout = '';
  let stderr = '';
  const code = runCli(
    ['template', c.release.name, '-n', c.release.namespace, '--kube-version', c.release.kubeVersion, '-f', join(c.dir, 'values.yaml')],
    { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, readFile: (p) => readFileSync(p), env: {} },
  );
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
  const problems = compareManifests(c.expected!, stdout, strictHash);
  const hashMatches = strictHash ? problems.length === 0 : compareManifests(c.expected!, stdout, true).length === 0;
  return { passed: problems.length === 0, problems, hashMatches, stdout, stderr };
}
