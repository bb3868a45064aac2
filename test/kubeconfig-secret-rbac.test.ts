import { Testing } from 'cdk8s';
import { VCluster, VClusterProps } from '../src';
import { runCli } from '../src/cli/main';

// What vCluster v0.36.1 does (pkg/util/kubeconfig WriteKubeConfig, pkg/setup): controllerutil.CreateOrPatch of each Secret through
// the host manager's cached client, whose cache spans the Secret's namespace with every informer the syncer runs.
function synth(props: VClusterProps) {
  const chart = Testing.chart();
  new VCluster(chart, 'vc1', props);
  return Testing.synth(chart);
}

const rbacIn = (objects: any[], namespace: string) => objects.filter((o) => o.metadata.namespace === namespace && /^Role(Binding)?$/.test(o.kind));

describe('RBAC for kubeconfig Secrets in other namespaces', () => {
  test("lets the syncer's ServiceAccount create the Secret, patch only it, and read what its cache watches, in the other namespace", () => {
    const additionalSecrets = [{ name: 'vc1-kubeconfig', namespace: 'argocd' }, { namespace: 'flux-system' }];
    const objects = synth({ values: { exportKubeConfig: { additionalSecrets } } });
    const [role, binding] = rbacIn(objects, 'argocd');
    expect(role.kind).toBe('Role');
    expect(role.rules).toContainEqual({ apiGroups: [''], resources: ['secrets'], verbs: ['list', 'watch', 'create'] });
    expect(role.rules).toContainEqual({ apiGroups: [''], resources: ['secrets'], resourceNames: ['vc1-kubeconfig'], verbs: ['patch'] });
    // The informers of the chart's Role list and watch there too; nothing else is granted.
    const read = { apiGroups: [''], resources: expect.arrayContaining(['pods', 'services', 'configmaps']) };
    expect(role.rules).toContainEqual(expect.objectContaining(read));
    const granted = new Set(role.rules.flatMap((r: any) => r.verbs));
    expect([...granted].sort()).toEqual(['create', 'list', 'patch', 'watch']);
    expect(role.rules.flatMap((r: any) => r.resources).filter((r: string) => r.includes('/'))).toEqual([]);
    expect(binding).toMatchObject({
      kind: 'RoleBinding',
      subjects: [{ kind: 'ServiceAccount', name: 'vc-vc1', namespace: 'vc1' }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role.metadata.name },
    });
    // A Secret without a name is vc-<name> in that namespace.
    const unnamed = rbacIn(objects, 'flux-system')[0];
    expect(unnamed.rules).toContainEqual({ apiGroups: [''], resources: ['secrets'], resourceNames: ['vc-vc1'], verbs: ['patch'] });
  });

  test('follows the typed exportKubeConfig.secret and a ServiceAccount named in controlPlane.advanced.serviceAccount.name', () => {
    const objects = synth({
      exportKubeConfig: { secret: { name: 'kc', namespace: 'tools' } },
      values: { controlPlane: { advanced: { serviceAccount: { name: 'syncer' } } } },
    });
    const [role, binding] = rbacIn(objects, 'tools');
    expect(role.rules).toContainEqual({ apiGroups: [''], resources: ['secrets'], resourceNames: ['kc'], verbs: ['patch'] });
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'syncer', namespace: 'vc1' }]);
  });

  test.each<[string, VClusterProps]>([
    ['no Secret is exported elsewhere', { exportKubeConfig: { secret: { name: 'kc' } } }],
    ['the Secret is in the virtual cluster\'s namespace',
      { values: { exportKubeConfig: { additionalSecrets: [{ name: 'kc', namespace: 'vc1' }] } } }],
    ['the chart binds a ClusterRole (namespace sync)', { values: {
      sync: { toHost: { namespaces: { enabled: true, mappings: { byName: { 'apps': 'vc1-apps' } } } } },
      exportKubeConfig: { additionalSecrets: [{ namespace: 'argocd' }] },
    } }],
    ['the chart renders no Role (rbac.role.enabled: false)',
      { values: { rbac: { role: { enabled: false } }, exportKubeConfig: { additionalSecrets: [{ namespace: 'argocd' }] } } }],
  ])('adds nothing when %s', (_, props) => {
    const objects = synth(props);
    expect(objects.filter((o) => o.metadata.name === 'vc-vc1-kubeconfig')).toEqual([]);
  });

  test('is not part of what template prints, as helm prints none', () => {
    let stdout = '';
    const code = runCli(['template', 'vc1', '-n', 'vc1', '--set', 'exportKubeConfig.additionalSecrets[0].namespace=argocd'], {
      stdout: (t) => { stdout += t; }, stderr: () => undefined, readFile: () => { throw new Error('no file'); }, env: {},
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/kind: RoleBinding/);
    expect(stdout).not.toMatch(/namespace: argocd\n/);
    expect(stdout).not.toContain('vc-vc1-kubeconfig');
  });
});
