import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from '../../src/cli/main';
import { CASES_DIR } from '../conformance/cases';

let dir: string;
/** The tutorial's final values (the corpus' step 5 case). */
const TUTORIAL = join(CASES_DIR, 'seed-05-sync-ingress', 'values.yaml');
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'check-'));
  writeFileSync(join(dir, 'restricted.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: vc1\n  labels:\n    ' +
    'pod-security.kubernetes.io/enforce: restricted\n');
  writeFileSync(join(dir, 'rootless.yaml'), [
    'controlPlane:',
    '  statefulSet:',
    '    security:',
    '      podSecurityContext: {runAsNonRoot: true, runAsUser: 12345, seccompProfile: {type: RuntimeDefault}}',
    '      containerSecurityContext: {runAsNonRoot: true, runAsUser: 12345, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}',
    '  distro:',
    '    k8s:',
    '      securityContext: {runAsNonRoot: true, runAsUser: 12345, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}',
    '  coredns:',
    '    security:',
    '      podSecurityContext: {seccompProfile: {type: RuntimeDefault}}',
    '',
  ].join('\n'));
  writeFileSync(join(dir, 'limits.yaml'), [
    'apiVersion: v1',
    'kind: List',
    'items:',
    '- apiVersion: v1',
    '  kind: ResourceQuota',
    '  metadata: {name: compute, namespace: vc1}',
    '  spec: {hard: {limits.cpu: "8"}}',
    '',
  ].join('\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, readFile: (p) => readFileSync(p), env: {} });
  return { code, stdout, stderr };
}

describe('cdk8s-vcluster check', () => {
  test("prints an error line per field a restricted namespace refuses in the tutorial's values, and exits with status 1", () => {
    const { code, stdout, stderr } = run('check', 'vc1', '-n', 'vc1', '-f', TUTORIAL, '--host', join(dir, 'restricted.yaml'));
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    const lines = stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('error: ')).length).toBe(11);
    expect(lines).toContainEqual(
      expect.stringMatching(/^error: etcd StatefulSet vc1-etcd: container etcd: securityContext\.runAsNonRoot: got unset, .* "Running as Non-root"/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^warning: policies\.resourceQuota\.quota\["limits\.memory"\]: got 5Gi, .* leaving 342Mi for its workloads/),
    );
    expect(lines[lines.length - 1]).toBe('11 errors, 1 warning.');
  });

  test('exits with status 0 when only warnings remain', () => {
    const { code, stdout } = run('check', 'vc1', '-n', 'vc1', '-f', TUTORIAL);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^warning: policies\.resourceQuota\.quota\["limits\.memory"\]/),
      '0 errors, 1 warning.',
    ]);
  });

  test('says so when the host admits everything', () => {
    const { code, stdout } = run('check', 'vc1', '-n', 'vc1', '-f', join(dir, 'rootless.yaml'), '--host', join(dir, 'restricted.yaml'));
    expect({ code, stdout }).toEqual({ code: 0, stdout: 'The host admits the virtual cluster vc1: no findings.\n' });
  });

  test('reads several --host files and kubectl Lists: a limits.cpu quota refuses the syncer, which sets no cpu limit', () => {
    const { code, stdout } = run('check', 'vc1', '-n', 'vc1', '--host', join(dir, 'restricted.yaml'), '--host', join(dir, 'limits.yaml'),
      '-f', join(dir, 'rootless.yaml'));
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^error: ResourceQuota compute: spec\.hard\["limits\.cpu"\]: a quota on limits\.cpu makes the API server require a cpu limit on every container, but container syncer/,
    );
  });

  test('prints the findings as JSON with --output json, with the same status', () => {
    const { code, stdout } = run('check', 'vc1', '-n', 'vc1', '-f', TUTORIAL, '--host', join(dir, 'restricted.yaml'), '-o', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ release: 'vc1', namespace: 'vc1', chartVersion: '0.36.1', kubeVersion: '1.35.0' });
    expect(report.findings[0]).toEqual({
      severity: 'error',
      path: expect.any(String),
      message: expect.any(String),
      fix: expect.any(String),
      rule: 'pod-security.kubernetes.io/enforce: restricted',
    });
  });

  test('reads --set, --set-string, --set-json, --set-file and --set-literal after the -f files, as template does', () => {
    writeFileSync(join(dir, 'memory.txt'), '20Gi');
    const key = 'policies.resourceQuota.quota.limits\\.memory';
    // 20Gi leaves the tutorial's workloads room for their 512Mi default: the warning goes.
    for (const set of [['--set', `${key}=20Gi`], ['--set-string', `${key}=20Gi`],
      ['--set-json', 'policies.resourceQuota.quota={"limits.memory":"20Gi"}'], ['--set-file', `${key}=${join(dir, 'memory.txt')}`]]) {
      expect({ set, ...run('check', 'vc1', '-n', 'vc1', '-f', TUTORIAL, ...set) }).toEqual({
        set,
        code: 0,
        stderr: '',
        stdout: expect.stringMatching(/no findings/),
      });
    }
    // --set-literal reads no escapes in the key (helm's literal parser): the key ends at the dot, and the schema refuses the map.
    const literal = run('check', 'vc1', '-n', 'vc1', '-f', TUTORIAL, '--set-literal', `${key}=20Gi`);
    expect(literal).toEqual({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/^Error: policies\.resourceQuota\.quota\.limits\\: expected a Kubernetes quantity/),
    });
    // Later flags win, in helm's order of flags: --set after --set-json.
    const layered = run('check', 'vc1', '-n', 'vc1', '-f', TUTORIAL, '--set', `${key}=5Gi`, '--set-json',
      'policies.resourceQuota.quota={"limits.memory":"20Gi"}');
    expect(layered.stdout).toMatch(/^warning: policies\.resourceQuota\.quota\["limits\.memory"\]: got 5Gi/);
  });

  test('fails as a usage error without the release name', () => {
    const { code, stderr } = run('check', '-n', 'vc1');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Error: check takes one argument, the release name; got none\n/);
  });
});
