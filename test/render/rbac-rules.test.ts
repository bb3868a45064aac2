import { contextFor } from './context-helper';
import { createClusterRole, customResourceRules, fromHostCoreResourceRules, pluginExtraRules } from '../../src/render/rbac-rules';

describe('RBAC rules', () => {
  test('creates the cluster role in auto mode only for features that need host cluster access', () => {
    expect(createClusterRole(contextFor())).toBe(false);
    expect(createClusterRole(contextFor({ sync: { fromHost: { csiNodes: { enabled: true } } } }))).toBe(true);
    expect(createClusterRole(contextFor({ networking: { replicateServices: { fromHost: [{ from: 'a', to: 'b' }] } } }))).toBe(true);
    expect(createClusterRole(contextFor({ integrations: { certManager: { enabled: true } } }))).toBe(true);
    expect(
      createClusterRole(contextFor({ integrations: { certManager: { enabled: true, sync: { fromHost: { clusterIssuers: { enabled: false } } } } } })),
    ).toBe(false);
  });

  test('counts an empty custom resource map as no custom resources, and a map of disabled ones as some', () => {
    expect(createClusterRole(contextFor({ sync: { toHost: { customResources: {} } } }))).toBe(false);
    expect(createClusterRole(contextFor({ sync: { toHost: { customResources: { 'a.b': { enabled: false } } } } }))).toBe(true);
  });

  test('creates no cluster role for an unknown enabled value', () => {
    expect(createClusterRole(contextFor({ rbac: { clusterRole: { enabled: 'yes' } }, pro: true }))).toBe(false);
  });

  test('takes the core group for a custom resource without a group', () => {
    expect(customResourceRules({ 'things/v1': { enabled: true } }, ['get'])).toEqual([{ resources: ['things'], apiGroups: [''], verbs: ['get'] }]);
  });

  test('ignores plugins without RBAC rules', () => {
    expect(pluginExtraRules({ plugins: { a: null, b: { rbac: {} }, c: { rbac: { role: { extraRules: [] } } } } }, 'role')).toEqual([]);
  });

  test('renders no fromHost rules when the sync is disabled or has no mappings', () => {
    const ctx = contextFor();
    expect(fromHostCoreResourceRules(ctx, { 'a/b': 'c/d' }, 'secrets', false)).toEqual([]);
    expect(fromHostCoreResourceRules(ctx, {}, 'secrets', true)).toEqual([]);
  });

  test('sorts resource names as the chart does, by their quoted form', () => {
    const rules = fromHostCoreResourceRules(contextFor(), { 'ns/a': 'x/y', 'ns/a!': 'x/z' }, 'configmaps', true);
    expect(rules[2].resourceNames).toEqual(['a!', 'a']);
  });
});
