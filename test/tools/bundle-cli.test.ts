import { execFileSync } from 'child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { join, resolve } from 'path';
import { bundleCli, SAMPLE_VALUES, writeCodeCache } from '../../tools/bundle-cli';
import { runCommand, tempFiles } from '../cli/cli-helper';

const ROOT = resolve(__dirname, '../..');

describe('the bundled command line', () => {
  const tmp = tempFiles('cdk8s-vcluster-bundle-');
  // The tutorial's final values, the same the build renders for the code cache.
  const values = tmp.file('vc1.yaml', SAMPLE_VALUES);
  // Inside the project, as in an installed package: cdk8s-plus-31 is required from node_modules.
  mkdirSync(join(ROOT, 'lib'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'lib', 'bundle-test-'));
  const bundle = join(dir, 'cli.js');
  const bin = join(dir, 'cdk8s-vcluster.js');
  let packages: string[];
  beforeAll(() => {
    packages = bundleCli(dir);
    writeCodeCache(dir);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('is reproducible: bundling again gives the same bytes', () => {
    const again = join(dir, 'again');
    bundleCli(again);
    for (const file of ['cli.js', 'cdk8s-vcluster.js']) expect(readFileSync(join(again, file)).equals(readFileSync(join(dir, file)))).toBe(true);
  }, 60_000);

  test('holds one copy of yaml, and neither cdk8s-plus-31 nor absolute paths', () => {
    expect(packages.filter((p) => p.startsWith('yaml@'))).toHaveLength(1);
    expect(packages.filter((p) => p.startsWith('cdk8s-plus'))).toEqual([]);
    expect(packages.map((p) => p.split('@')[0])).toEqual(expect.arrayContaining(['cdk8s', 'constructs', 'yaml']));
    expect(readFileSync(bundle, 'utf8')).not.toContain(ROOT);
  });

  test('prints byte for byte what the sources print, with the code cache and without', () => {
    const uncached = join(dir, 'uncached');
    mkdirSync(uncached);
    for (const file of ['cli.js', 'cdk8s-vcluster.js']) cpSync(join(dir, file), join(uncached, file));
    for (const args of [['template', 'vc1', '-n', 'vc1', '-f', values], ['import', '--name', 'vc1', '-n', 'vc1', '-f', values]]) {
      const expected = runCommand(args).stdout;
      for (const command of [bin, join(uncached, 'cdk8s-vcluster.js')]) {
        expect(execFileSync(process.execPath, [command, ...args], { encoding: 'utf8' })).toBe(expected);
      }
    }
  }, 60_000);

  test('exits with the status and message of the sources on refused values', () => {
    const bad = tmp.file('bad.yaml', 'controlPlane: { statefulSet: { highAvailability: { replicas: two } } }\n');
    const expected = runCommand(['template', 'vc1', '-f', bad]);
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [bin, 'template', 'vc1', '-f', bad], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      ({ status, stderr } = e as { status: number; stderr: string });
    }
    expect(expected.code).toBe(1);
    expect({ status, stderr }).toEqual({ status: expected.code, stderr: expected.stderr });
  }, 60_000);

  test('prints the version of the package.json above it, as the sources do', () => {
    const expected = runCommand(['--version']).stdout;
    expect(expected).toContain(` ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version} `);
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' })).toBe(expected);
  }, 60_000);

  test('has a code cache this Node accepts', () => {
    // Compiled as the bin compiles it: the same wrapper, file name and cache.
    const script = `
      const fs = require('fs');
      const file = ${JSON.stringify(bundle)};
      const wrapped = '(function (exports, require, module, __filename, __dirname) {' + fs.readFileSync(file, 'utf8') + '\\n})';
      const s = new (require('vm').Script)(wrapped, { filename: file, cachedData: fs.readFileSync(${JSON.stringify(join(dir, 'cli.cache'))}) });
      process.stdout.write(String(s.cachedDataRejected));`;
    expect(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })).toBe('false');
  }, 60_000);

  // The importer would load cdk8s-plus-31 (its candidates use cdk8s-plus enums).
  test('loads no module besides itself for template: neither cdk8s-plus-31 nor the importer', () => {
    const script = `
      const { runCli } = require(${JSON.stringify(bundle)});
      let printed = 0;
      const code = runCli(['template', 'vc1', '-f', ${JSON.stringify(values)}], {
        stdout: (t) => { printed += t.length; },
        stderr: (t) => process.stderr.write(t),
        readFile: (p) => require('fs').readFileSync(p, 'utf8'),
        env: {},
      });
      process.stdout.write(JSON.stringify({ code, printed, loaded: Object.keys(require.cache) }));`;
    const run = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    expect(run.code).toBe(0);
    expect(run.printed).toBeGreaterThan(10_000);
    expect(run.loaded).toEqual([bundle]);
  }, 60_000);
});
