import { renderTemplate } from '../../src/cli/template';
import { compareManifests } from '../conformance/compare';
import { vc1 } from '../import/import-helper';
import { runProgram } from '../import/program-runner';
import { manifest, synthVCluster } from '../typed-helper';

const STATUS_RULE = { apiGroups: [''], resources: ['pods/status', 'pods/ephemeralcontainers'], verbs: ['patch', 'update'] };
const NODES_RULE = { apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list', 'watch'] };

describe('the rbac props', () => {
  test('extra rules follow the chart\'s; a ClusterRole with extra rules is created although no feature needs it', () => {
    const plain = synthVCluster().manifests;
    expect(plain.some((m) => m.kind === 'ClusterRole')).toBe(false);
    const { manifests } = synthVCluster({ rbac: { role: { extraRules: [STATUS_RULE] }, clusterRole: { extraRules: [NODES_RULE] } } });
    const chartRules = manifest(plain, 'Role').rules;
    expect(manifest(manifests, 'Role').rules).toEqual([...chartRules, STATUS_RULE]);
    expect(manifest(manifests, 'ClusterRole').rules).toEqual([NODES_RULE]);
  });

  test('overwriting rules replace the chart\'s', () => {
    const { manifests } = synthVCluster({ rbac: { role: { overwriteRules: [STATUS_RULE] } } });
    expect(manifest(manifests, 'Role').rules).toEqual([STATUS_RULE]);
  });

  test('a role switched off is not created, nor its binding', () => {
    const { manifests } = synthVCluster({ rbac: { role: { enabled: false } }, sync: { fromHost: { nodes: true } } });
    expect(manifests.filter((m) => m.kind === 'Role' || m.kind === 'RoleBinding')).toEqual([]);
    expect(manifest(manifests, 'ClusterRole')).toBeDefined();
    const off = synthVCluster({ rbac: { clusterRole: { enabled: false } }, sync: { fromHost: { nodes: true } } });
    expect(off.manifests.filter((m) => m.kind === 'ClusterRole' || m.kind === 'ClusterRoleBinding')).toEqual([]);
  });

  test('fails when extra rules are given beside overwriting ones, which the chart would ignore', () => {
    expect(() => synthVCluster({ rbac: { clusterRole: { extraRules: [NODES_RULE], overwriteRules: [STATUS_RULE] } } })).toThrow(
      'rbac.clusterRole.extraRules: the chart ignores extra rules when overwriteRules replace its rules; put them into ' +
        'rbac.clusterRole.overwriteRules. Got ',
    );
  });

  test('fails when a role switched off is given rules', () => {
    expect(() => synthVCluster({ rbac: { role: { enabled: false, extraRules: [STATUS_RULE] } } })).toThrow(
      'rbac.role.enabled: a role that is not created has no rules; remove its rules, or leave enabled out. Got false.',
    );
  });

  test('imports the docs\' extra and overwriting rules as typed props that render what the chart renders', () => {
    for (const [yaml, snippets] of [
      [`
rbac:
  role:
    enabled: true
    extraRules:
      - apiGroups: [""]
        resources: ["pods/status", "pods/ephemeralcontainers"]
        verbs: ["patch", "update"]
`, ['rbac: {\n        role: {\n          extraRules: [\n            {\n              apiGroups: [\'\'],\n              resources: ' +
        "['pods/status', 'pods/ephemeralcontainers'],"]],
      [`
rbac:
  role:
    enabled: true
    overwriteRules:
      - apiGroups: [""]
        resources: ["pods/status", "pods/ephemeralcontainers"]
        verbs: ["patch", "update"]
  clusterRole:
    enabled: false
`, ['overwriteRules: [', 'clusterRole: { enabled: false }']],
    ] as const) {
      const result = vc1(yaml);
      expect(result.raw).toEqual({});
      for (const s of snippets) expect(result.program).toContain(s);
      expect(result.program).not.toContain('enabled: true');
      const { options } = result;
      const expected = renderTemplate({ name: options.name, namespace: options.namespace, values: options.values });
      expect(compareManifests(expected, runProgram(result.program), true)).toEqual([]);
    }
  });
});
