import { contextFor } from './context-helper';
import { renderRole, renderRoleBinding } from '../../src/render/role';

const rulesFor = (user: object, options = {}) => renderRole(contextFor(user, options))[0].manifest.rules as any[];
const hasRule = (rules: any[], group: string, resource: string) =>
  rules.some((r) => r.apiGroups?.includes(group) && r.resources?.includes(resource));

describe('Role', () => {
  test('is a namespaced Role named after the release by default', () => {
    const [obj] = renderRole(contextFor());
    expect(obj.id).toBe('Role');
    expect(obj.manifest.kind).toBe('Role');
    expect(obj.manifest.metadata).toMatchObject({ name: 'vc-vc1', namespace: 'team-a' });
  });

  test('is not rendered when disabled', () => {
    expect(renderRole(contextFor({ rbac: { role: { enabled: false } } }))).toEqual([]);
    expect(renderRoleBinding(contextFor({ rbac: { role: { enabled: false } } }))).toEqual([]);
  });

  test('becomes a ClusterRole without a namespace when namespaces sync to the host', () => {
    const [obj] = renderRole(contextFor({ sync: { toHost: { namespaces: { enabled: true } } } }));
    expect(obj.id).toBe('Role');
    expect(obj.manifest.kind).toBe('ClusterRole');
    expect(obj.manifest.metadata.name).toBe('vc-mn-vc1-v-team-a');
    expect(obj.manifest.metadata.namespace).toBeUndefined();
  });

  test('starts with full access to pods and their subresources', () => {
    expect(rulesFor({}).slice(0, 2)).toEqual([
      {
        apiGroups: [''],
        resources: ['configmaps', 'secrets', 'services', 'pods', 'pods/attach', 'pods/portforward', 'pods/exec', 'persistentvolumeclaims'],
        verbs: ['create', 'delete', 'patch', 'update', 'get', 'list', 'watch'],
      },
      { apiGroups: [''], resources: ['pods/status', 'pods/ephemeralcontainers'], verbs: ['patch', 'update'] },
    ]);
  });

  test('only reads pods and services with private nodes, and may take leases', () => {
    const rules = rulesFor({ privateNodes: { enabled: true } });
    expect(rules[1]).toEqual({ apiGroups: [''], resources: ['services', 'pods', 'persistentvolumeclaims'], verbs: ['get', 'list', 'watch'] });
    expect(hasRule(rules, '', 'pods/exec')).toBe(false);
    expect(hasRule(rules, 'coordination.k8s.io', 'leases')).toBe(true);
  });

  test('allows resizing pods from Kubernetes 1.35 on', () => {
    expect(hasRule(rulesFor({}, { kubeVersion: '1.34.0' }), '', 'pods/resize')).toBe(false);
    expect(hasRule(rulesFor({}, { kubeVersion: '1.35.0' }), '', 'pods/resize')).toBe(true);
  });

  test('adds leases for more than one replica', () => {
    expect(hasRule(rulesFor({}), 'coordination.k8s.io', 'leases')).toBe(false);
    expect(hasRule(rulesFor({ controlPlane: { statefulSet: { highAvailability: { replicas: 3 } } } }), 'coordination.k8s.io', 'leases')).toBe(true);
  });

  test('only reads reference grants when routes sync into a single namespace', () => {
    const rules = rulesFor({ sync: { toHost: { gatewayApi: { httpRoutes: { enabled: true } } } } });
    expect(rules.find((r) => r.resources.includes('referencegrants'))).toEqual(
      { apiGroups: ['gateway.networking.k8s.io'], resources: ['referencegrants'], verbs: ['get', 'list', 'watch'] });
  });

  test('manages reference grants when routes sync across namespaces', () => {
    const rules = rulesFor({ sync: { toHost: { namespaces: { enabled: true }, gatewayApi: { enabled: true } } } });
    expect(rules.find((r) => r.resources.includes('referencegrants')).verbs).toContain('create');
  });

  test('grants full access to the group of each enabled custom resource synced to the host', () => {
    const rules = rulesFor({
      sync: { toHost: { customResources: { 'tests.my-group.com/v1beta1': { enabled: true }, 'off.x': { enabled: false } } } },
    });
    expect(rules.filter((r) => r.resources[0] === 'tests' || r.resources[0] === 'off')).toEqual([
      { resources: ['tests'], apiGroups: ['my-group.com'], verbs: ['create', 'delete', 'patch', 'update', 'get', 'list', 'watch'] },
    ]);
  });

  test('ends with the plugin rules and then the global extra rules', () => {
    const rules = rulesFor({
      rbac: { role: { extraRules: [{ verbs: ['global'] }] } },
      plugins: { p: { rbac: { role: { extraRules: [{ verbs: ['plugin'] }] } } } },
    });
    expect(rules.slice(-2)).toEqual([{ verbs: ['plugin'] }, { verbs: ['global'] }]);
  });

  test('uses the overwrite rules alone when they are set', () => {
    expect(rulesFor({ rbac: { role: { overwriteRules: [{ verbs: ['create'] }] } } })).toEqual([{ verbs: ['create'] }]);
  });
});

describe('RoleBinding', () => {
  test('binds the role to the control plane service account in the release namespace', () => {
    const [obj] = renderRoleBinding(contextFor());
    expect(obj.id).toBe('RoleBinding');
    expect(obj.manifest.kind).toBe('RoleBinding');
    expect(obj.manifest.metadata).toMatchObject({ name: 'vc-vc1', namespace: 'team-a' });
    expect(obj.manifest.subjects).toEqual([{ kind: 'ServiceAccount', name: 'vc-vc1', namespace: 'team-a' }]);
    expect(obj.manifest.roleRef).toEqual({ kind: 'Role', name: 'vc-vc1', apiGroup: 'rbac.authorization.k8s.io' });
  });

  test('becomes a ClusterRoleBinding to the multi-namespace ClusterRole when namespaces sync', () => {
    const [obj] = renderRoleBinding(contextFor({ sync: { toHost: { namespaces: { enabled: true } } } }));
    expect(obj.manifest.kind).toBe('ClusterRoleBinding');
    expect(obj.manifest.metadata.namespace).toBeUndefined();
    expect(obj.manifest.roleRef).toEqual({ kind: 'ClusterRole', name: 'vc-mn-vc1-v-team-a', apiGroup: 'rbac.authorization.k8s.io' });
  });
});
