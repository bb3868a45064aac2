import { expectTypedImport } from '../import/import-helper';
import { manifest, synthVCluster } from '../typed-helper';

describe('the platform and pro props', () => {
  test('apiKey names the Secret with the access key; in another namespace the chart gives a Role to read it', () => {
    const apiKey = { secretName: 'platform-key', namespace: 'vcluster-platform' };
    const { vc, manifests } = synthVCluster({ platform: { apiKey, project: 'team-a' } });
    expect(vc.values.platform).toEqual({ apiKey: { secretName: 'platform-key', namespace: 'vcluster-platform' }, project: 'team-a' });
    const role = manifest(manifests, 'Role', 'vc-vc1-v-vc1-platform-role');
    expect(role.metadata.namespace).toBe('vcluster-platform');
    expect(role.rules[0].resourceNames).toEqual(['platform-key']);
  });

  test('createRBAC: false leaves the Role out', () => {
    const { manifests } = synthVCluster({ platform: { apiKey: { namespace: 'vcluster-platform', createRBAC: false } } });
    expect(manifests.some((m) => m.kind === 'Role' && m.metadata.name.endsWith('platform-role'))).toBe(false);
  });

  test('pro: true writes vCluster\'s pro switch', () => {
    expect(synthVCluster({ pro: true }).vc.values.pro).toBe(true);
  });

  test('fails when the Secret name or namespace is not a Kubernetes name', () => {
    expect(() => synthVCluster({ platform: { apiKey: { secretName: 'Platform_Key' } } })).toThrow(
      'platform.apiKey.secretName: must be a Secret name: lowercase letters, digits, \'-\' and \'.\', at most 253. Got "Platform_Key".',
    );
    expect(() => synthVCluster({ platform: { apiKey: { namespace: 'a.b' } } })).toThrow(
      'platform.apiKey.namespace: the Secret\'s namespace must be a DNS label',
    );
  });

  test('fails when createRBAC is given without the namespace it is about', () => {
    expect(() => synthVCluster({ platform: { apiKey: { createRBAC: true } } })).toThrow(
      'platform.apiKey.createRBAC: is about reading the Secret in another namespace: give namespace, or leave it out. Got true.',
    );
  });

  test('imports the docs\' platform key and pro switch as typed props that render what the chart renders', () => {
    expectTypedImport(
      'platform:\n  apiKey:\n    secretName: vcluster-platform-api-key\n    namespace: vcluster-platform\n    createRBAC: true\n',
      "platform: {\n        apiKey: { secretName: 'vcluster-platform-api-key', namespace: 'vcluster-platform', createRBAC: true },\n      },",
    );
    expectTypedImport('pro: true\nplatform:\n  apiKey:\n    secretName: my-key\n',
      "platform: { apiKey: { secretName: 'my-key' } },\n      pro: true,");
  });
});
