import { expectTypedImport } from '../import/import-helper';
import { manifest, synthVCluster } from '../typed-helper';

describe('the service account props', () => {
  test('name the control plane\'s ServiceAccount, which the pods, bindings and the account itself use', () => {
    const { manifests } = synthVCluster({ serviceAccount: { name: 'custom-vc-sa', annotations: { 'eks.amazonaws.com/role-arn': 'arn:x' } } });
    const sa = manifest(manifests, 'ServiceAccount', 'custom-vc-sa');
    expect(sa.metadata.annotations).toEqual({ 'eks.amazonaws.com/role-arn': 'arn:x' });
    expect(manifest(manifests, 'StatefulSet', 'vc1').spec.template.spec.serviceAccountName).toBe('custom-vc-sa');
  });

  test('enabled: false uses an existing ServiceAccount: the chart creates none', () => {
    const { manifests } = synthVCluster({ workloadServiceAccount: { enabled: false, name: 'image-pull-sa' } });
    expect(manifests.filter((m) => m.kind === 'ServiceAccount').map((m) => m.metadata.name)).toEqual(['vc-vc1']);
  });

  test('fails when a name is not a ServiceAccount name', () => {
    expect(() => synthVCluster({ workloadServiceAccount: { name: 'Image Pull' } })).toThrow(
      'workloadServiceAccount.name: must be a ServiceAccount name: lowercase letters, digits, \'-\' and \'.\', e.g. "custom-vc-sa". '
        + 'Got "Image Pull".',
    );
  });

  test('imports the docs\' service accounts as typed props that render what the chart renders', () => {
    for (const [yaml, snippet] of [
      ['controlPlane:\n  advanced:\n    serviceAccount:\n      name: custom-vc-sa\nrbac:\n  role:\n    enabled: false\n',
        "serviceAccount: { name: 'custom-vc-sa' }"],
      ['controlPlane:\n  advanced:\n    workloadServiceAccount:\n      enabled: true\n      name: image-pull-sa\n      imagePullSecrets:\n'
        + '        - name: workload-service-account-image-pull-secret\n', "workloadServiceAccount: { name: 'image-pull-sa' }"],
    ] as const) {
      expectTypedImport(yaml, snippet);
    }
  });
});
