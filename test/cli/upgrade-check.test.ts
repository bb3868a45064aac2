import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from '../../src/cli/main';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'upgrade-check-'));
  writeFileSync(join(dir, 'values.yaml'), 'sync:\n  toHost:\n    volumeSnapshots:\n      enabled: true\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, readFile: (p) => readFileSync(p), env: {} });
  return { code, stdout, stderr };
}

describe('cdk8s-vcluster upgrade-check', () => {
  test('prints what the target version refuses and what changes, and exits with status 1 for CI', () => {
    const { code, stdout, stderr } = run('upgrade-check', 'vc1', '-n', 'vc1', '--from', '0.35.3', '--to', '0.36.1', '-f', join(dir, 'values.yaml'));
    expect(code).toBe(1);
    expect(stderr).toBe('Error: chart version 0.36.1 refuses 1 value (listed in the report, each with its fix)\n');
    expect(stdout).toContain('Values 0.36.1 refuses:\n  sync.toHost.volumeSnapshots: was removed in vCluster 0.36.0');
    expect(stdout).toContain('Role vc1/vc-vc1: rules');
    expect(stdout).toContain('The control plane rolls');
  });

  test('exits with status 0 when the target version accepts the values, changes or not', () => {
    const { code, stdout, stderr } = run('upgrade-check', 'vc1', '-n', 'vc1', '--from', '0.35.3', '--to', '0.36.1');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('The control plane rolls');
  });

  test('prints JSON for CI with --output json, with the same status', () => {
    const { code, stdout } = run('upgrade-check', 'vc1', '-n', 'vc1', '--from', '0.35.3', '--to', '0.36.1', '-f', join(dir, 'values.yaml'),
      '--output', 'json');
    const report = JSON.parse(stdout);
    expect(report.refused.map((r: { path: string }) => r.path)).toEqual(['sync.toHost.volumeSnapshots']);
    expect(report.controlPlaneRolls).toBe(true);
    expect(code).toBe(1);
  });

  test.each([
    [['upgrade-check', '--to', '0.36.1'], 'upgrade-check needs --from VERSION, one of 0.35.3, 0.36.1, 0.37.0-rc.1'],
    [['upgrade-check', '--from', '0.35.3', '--to', '0.40.0'], '--to 0.40.0 is not a chart version rendered here'],
    [['upgrade-check', '--from', '0.35.3', '--to', '0.36.1', '--output', 'yaml'], '--output yaml: give text or json'],
  ])('fails with a usage error for %j', (argv, message) => {
    const { code, stderr } = run(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe('cdk8s-vcluster upgrade-check of the host Kubernetes version', () => {
  test('lists what changes when the host is upgraded from 1.33 to 1.35: the Role gains pods/resize (vcluster #4091)', () => {
    const { code, stdout } = run('upgrade-check', 'vc1', '-n', 'vc1', '--from', '0.36.1', '--kube-version', '1.33.1', '--to-kube-version', '1.35.0');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Upgrade of the host Kubernetes v1\.33\.1 to v1\.35\.0 \(chart 0\.36\.1\)\n/);
    expect(stdout).toContain('Objects changed:\n  Role vc1/vc-vc1: rules\n');
    expect(stdout).toContain('The control plane does not roll.');
    const { stdout: json } = run('upgrade-check', 'vc1', '-n', 'vc1', '--from', '0.36.1', '--kube-version', '1.33.1', '--to-kube-version',
      '1.35.0', '-o', 'json');
    expect(JSON.parse(json)).toMatchObject({ from: '0.36.1', to: '0.36.1', fromKubeVersion: 'v1.33.1', toKubeVersion: 'v1.35.0' });
  });

  test('reports no change when the chart renders the same for both host versions', () => {
    const { stdout } = run('upgrade-check', 'vc1', '-n', 'vc1', '--from', '0.36.1', '--kube-version', '1.33.1', '--to-kube-version', '1.34.0');
    expect(stdout).toContain('Objects changed: none');
  });

  test('fails when neither --to nor --to-kube-version says what is upgraded', () => {
    const { code, stderr } = run('upgrade-check', 'vc1', '--from', '0.36.1');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Error: upgrade-check needs --to VERSION, one of 0\.35\.3, 0\.36\.1, 0\.37\.0-rc\.1, or --to-kube-version VERSION\n/);
  });
});
