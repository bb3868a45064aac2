import { contextFor } from './context-helper';
import { renderPlatformRbac } from '../../src/render/platform-rbac';

describe('platform secret Role and RoleBinding', () => {
  test('are not rendered when the API key secret is in the release namespace', () => {
    expect(renderPlatformRbac(contextFor())).toEqual([]);
    expect(renderPlatformRbac(contextFor({ platform: { apiKey: { namespace: 'team-a' } } }))).toEqual([]);
    expect(renderPlatformRbac(contextFor({ platform: { apiKey: { namespace: '' } } }))).toEqual([]);
  });

  test('are not rendered when RBAC creation is turned off', () => {
    expect(renderPlatformRbac(contextFor({ platform: { apiKey: { namespace: 'platform', createRBAC: false } } }))).toEqual([]);
  });

  test('let the control plane read the default secret in the other namespace', () => {
    const [role, binding] = renderPlatformRbac(contextFor({ platform: { apiKey: { namespace: 'platform' } } }));
    expect(role.id).toBe('PlatformRole');
    expect(role.manifest.metadata).toEqual({ name: 'vc-vc1-v-team-a-platform-role', namespace: 'platform' });
    expect(role.manifest.rules).toEqual([{ apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNames: ['vcluster-platform-api-key'] }]);
    expect(binding.id).toBe('PlatformRoleBinding');
    expect(binding.manifest.metadata).toEqual({ name: 'vc-vc1-v-team-a-platform-role-binding', namespace: 'platform' });
    expect(binding.manifest.subjects).toEqual([{ kind: 'ServiceAccount', name: 'vc-vc1', namespace: 'team-a' }]);
    expect(binding.manifest.roleRef).toEqual({ kind: 'Role', name: 'vc-vc1-v-team-a-platform-role', apiGroup: 'rbac.authorization.k8s.io' });
  });

  test('name the configured secret', () => {
    const [role] = renderPlatformRbac(contextFor({ platform: { apiKey: { namespace: 'platform', secretName: 'my-key' } } }));
    expect((role.manifest.rules as any)[0].resourceNames).toEqual(['my-key']);
  });
});
