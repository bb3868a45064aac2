/**
 * Developer tool: runs the conformance corpus (or the cases whose name contains FILTER) and
 * prints each failure's differences.
 * `npx ts-node tools/conformance.ts [FILTER] [--version=VERSION] [--quiet] [--strict-hash]`
 */
import { loadCases } from '../test/conformance/cases';
import { runCase } from '../test/conformance/run-case';
import { DEFAULT_CHART_VERSION, isChartVersion } from '../src/values/chart-version';

const filter = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '';
const version = process.argv.find((a) => a.startsWith('--version='))?.slice('--version='.length) ?? DEFAULT_CHART_VERSION;
if (!isChartVersion(version)) throw new Error(`--version=${version}: not a chart version rendered here`);
const quiet = process.argv.includes('--quiet');
const strictHash = process.argv.includes('--strict-hash');
let passed = 0;
let total = 0;
const failed: string[] = [];
for (const c of loadCases(version)) {
  if (!c.name.includes(filter)) continue;
  total++;
  let result;
  try {
    result = runCase(c, strictHash);
  } catch (e) {
    result = { passed: false, problems: [`crashed: ${(e as Error).stack}`] };
  }
  if (result.passed) {
    passed++;
  } else {
    failed.push(c.name);
    if (!quiet) console.log(`FAIL ${c.name}\n  ${result.problems.slice(0, 15).join('\n  ')}`);
  }
}
if (failed.length > 0) console.log(`failed: ${failed.join(' ')}`);
console.log(`${passed}/${total} cases pass`);
