import { contextFor } from './context-helper';
import { renderClusterRole, renderClusterRoleBinding } from '../../src/render/cluster-role';

const rulesFor = (user: object, options = {}) => renderClusterRole(contextFor(user, options))[0]?.manifest.rules as object[];

describe('ClusterRole', () => {
  test('is not rendered with the default values', () => {
    expect(renderClusterRole(contextFor())).toEqual([]);
  });

  test('is rendered when forced on, even without rules', () => {
    const [obj] = renderClusterRole(contextFor({ rbac: { clusterRole: { enabled: true } } }));
    expect(obj.id).toBe('ClusterRole');
    expect(obj.manifest.metadata.name).toBe('vc-vc1-v-team-a');
    expect(obj.manifest.rules).toEqual([]);
  });

  test('is not rendered when forced off, whatever rules are configured', () => {
    const user = { rbac: { clusterRole: { enabled: false, extraRules: [{ verbs: ['x'] }], overwriteRules: [{ verbs: ['y'] }] } } };
    expect(renderClusterRole(contextFor(user))).toEqual([]);
  });

  test('adds the ingressclasses rule when fromHost ingressClasses sync is enabled', () => {
    expect(rulesFor({ sync: { fromHost: { ingressClasses: { enabled: true } } } })).toEqual([
      { apiGroups: ['networking.k8s.io'], resources: ['ingressclasses'], verbs: ['get', 'watch', 'list'] },
    ]);
  });

  test('grants node read access and kubelet proxying when real nodes sync', () => {
    expect(rulesFor({ sync: { fromHost: { nodes: { enabled: true } } } })).toEqual([
      { apiGroups: [''], resources: ['pods', 'nodes', 'nodes/status'], verbs: ['get', 'watch', 'list'] },
      { apiGroups: [''], resources: ['nodes/metrics', 'nodes/stats', 'nodes/proxy'], verbs: ['get'] },
    ]);
  });

  test('leaves out kubelet proxying when both proxy modes are off', () => {
    const user = {
      sync: { fromHost: { nodes: { enabled: true } } },
      networking: { advanced: { proxyKubelets: { byIP: false, byHostname: false } } },
    };
    expect(rulesFor(user)).toHaveLength(1);
  });

  test('treats storage class sync from the host as enabled only when it is the string or boolean true', () => {
    expect(renderClusterRole(contextFor({ sync: { fromHost: { storageClasses: { enabled: 'auto' } } } }))).toEqual([]);
    expect(rulesFor({ sync: { fromHost: { storageClasses: { enabled: 'true' } } } })).toEqual([
      { apiGroups: ['storage.k8s.io'], resources: ['storageclasses'], verbs: ['get', 'watch', 'list'] },
    ]);
  });

  test('uses the overwrite rules alone when they are set', () => {
    const user = {
      rbac: { clusterRole: { extraRules: [{ verbs: ['x'] }], overwriteRules: [{ apiGroups: [''], resources: ['test'], verbs: ['test'] }] } },
    };
    expect(rulesFor(user)).toEqual([{ apiGroups: [''], resources: ['test'], verbs: ['test'] }]);
  });

  test('appends plugin rules, legacy plugins first, then the global extra rules', () => {
    const user = {
      plugins: { b: { rbac: { clusterRole: { extraRules: [{ verbs: ['plugins-b'] }] } } } },
      plugin: { z: { rbac: { clusterRole: { extraRules: [{ verbs: ['plugin-z'] }] } } }, a: { image: 'x' } },
      rbac: { clusterRole: { extraRules: [{ verbs: ['global'] }] } },
    };
    expect(rulesFor(user)).toEqual([{ verbs: ['plugin-z'] }, { verbs: ['plugins-b'] }, { verbs: ['global'] }]);
  });

  test('grants read access to the group of each enabled custom resource synced from the host', () => {
    const user = { sync: { fromHost: { customResources: {
      'tests.example.com/v1': { enabled: true },
      'widgets.example.org': { enabled: false },
    } } } };
    expect(rulesFor(user)).toEqual([
      { apiGroups: ['apiextensions.k8s.io'], resources: ['customresourcedefinitions'], verbs: ['get', 'list', 'watch'] },
      { resources: ['tests'], apiGroups: ['example.com'], verbs: ['get', 'list', 'watch'] },
    ]);
  });

  test('restricts secret access to the mapped namespaces and names', () => {
    const user = { sync: { fromHost: { secrets: { enabled: true, mappings: { byName: { 'ns-b/s2': 'x/y', '/s1': 'x/z', 'ns-b/s1': 'a/b' } } } } } };
    expect(rulesFor(user, { namespace: 'host' })).toEqual([
      { apiGroups: [''], resources: ['namespaces'], resourceNames: ['host', 'ns-b'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['secrets'], verbs: ['list', 'watch'] },
      { apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNames: ['s1', 's2'] },
    ]);
  });

  test('drops the name restriction when a mapping takes every object of a namespace', () => {
    const user = { sync: { fromHost: { configMaps: { enabled: true, mappings: { byName: { 'ns/*': 'other/*', 'ns/cm': 'x/y' } } } } } };
    expect(rulesFor(user)[2]).toEqual({ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] });
  });

  test('carries the global annotations', () => {
    const user = { pro: true, controlPlane: { advanced: { globalMetadata: { annotations: { team: 'a' } } } } };
    expect(renderClusterRole(contextFor(user))[0].manifest.metadata.annotations).toEqual({ team: 'a' });
  });
});

describe('ClusterRoleBinding', () => {
  test('binds the cluster role to the control plane service account', () => {
    const [obj] = renderClusterRoleBinding(contextFor({ pro: true }));
    expect(obj.id).toBe('ClusterRoleBinding');
    expect(obj.manifest.subjects).toEqual([{ kind: 'ServiceAccount', name: 'vc-vc1', namespace: 'team-a' }]);
    expect(obj.manifest.roleRef).toEqual({ kind: 'ClusterRole', name: 'vc-vc1-v-team-a', apiGroup: 'rbac.authorization.k8s.io' });
  });

  test('names the custom service account as the chart prints it, unquoted', () => {
    const user = { pro: true, controlPlane: { advanced: { serviceAccount: { name: 'my-sa' } } } };
    expect((renderClusterRoleBinding(contextFor(user))[0].manifest.subjects as any)[0].name).toBe('my-sa');
  });

  test('is rendered exactly when the cluster role is', () => {
    expect(renderClusterRoleBinding(contextFor())).toEqual([]);
    expect(renderClusterRoleBinding(contextFor({ sync: { toHost: { namespaces: { enabled: true } } } }))).toHaveLength(1);
  });

  test('truncates long names to 63 characters without a trailing dash', () => {
    const [obj] = renderClusterRoleBinding(contextFor({ pro: true }, { name: 'a'.repeat(50), namespace: 'bbbbbb-xyz' }));
    expect(obj.manifest.metadata.name).toBe(`vc-${'a'.repeat(50)}-v-bbbbbb`);
  });
});
