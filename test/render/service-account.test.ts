import { contextFor } from './context-helper';
import { renderServiceAccount, renderWorkloadServiceAccount } from '../../src/render/service-account';
import { ValuesError } from '../../src/values/errors';

describe('ServiceAccount', () => {
  test('is named after the release by default', () => {
    const [obj] = renderServiceAccount(contextFor());
    expect(obj.id).toBe('ServiceAccount');
    expect(obj.manifest.metadata).toMatchObject({ name: 'vc-vc1', namespace: 'team-a' });
    expect(obj.manifest.metadata.annotations).toBeUndefined();
    expect(obj.manifest.imagePullSecrets).toBeUndefined();
  });

  test('is not rendered when disabled', () => {
    expect(renderServiceAccount(contextFor({ controlPlane: { advanced: { serviceAccount: { enabled: false } } } }))).toEqual([]);
  });

  test('keeps a custom name a string, as the chart quotes it', () => {
    const [obj] = renderServiceAccount(contextFor({ controlPlane: { advanced: { serviceAccount: { name: 1234 } } } }));
    expect(obj.manifest.metadata.name).toBe('1234');
  });

  test('adds user labels after the standard ones, so they win', () => {
    const [obj] = renderServiceAccount(contextFor({ controlPlane: { advanced: { serviceAccount: { labels: { team: 'a', release: 'mine' } } } } }));
    expect(obj.manifest.metadata.labels).toMatchObject({ app: 'vcluster', team: 'a', release: 'mine' });
  });

  test('merges its annotations over the global ones', () => {
    const [obj] = renderServiceAccount(contextFor({ controlPlane: { advanced: {
      serviceAccount: { annotations: { a: 'own' } },
      globalMetadata: { annotations: { a: 'global', b: 'global' } },
    } } }));
    expect(obj.manifest.metadata.annotations).toEqual({ a: 'own', b: 'global' });
  });

  test('lists its image pull secrets', () => {
    const [obj] = renderServiceAccount(contextFor({ controlPlane: { advanced: { serviceAccount: { imagePullSecrets: [{ name: 'reg' }] } } } }));
    expect(obj.manifest.imagePullSecrets).toEqual([{ name: 'reg' }]);
  });
});

describe('WorkloadServiceAccount', () => {
  test('is named after the release by default', () => {
    const [obj] = renderWorkloadServiceAccount(contextFor());
    expect(obj.id).toBe('WorkloadServiceAccount');
    expect(obj.manifest.metadata).toMatchObject({ name: 'vc-workload-vc1', namespace: 'team-a' });
  });

  test('is not rendered when disabled', () => {
    expect(renderWorkloadServiceAccount(contextFor({ controlPlane: { advanced: { workloadServiceAccount: { enabled: false } } } }))).toEqual([]);
  });

  test('takes the control plane pull secrets first, then its own', () => {
    const [obj] = renderWorkloadServiceAccount(contextFor({ controlPlane: { advanced: {
      serviceAccount: { imagePullSecrets: [{ name: 'test1' }] },
      workloadServiceAccount: { imagePullSecrets: [{ name: 'test2' }], name: 'workloads' },
    } } }));
    expect(obj.manifest.metadata.name).toBe('workloads');
    expect(obj.manifest.imagePullSecrets).toEqual([{ name: 'test1' }, { name: 'test2' }]);
  });

  test('refuses pull secrets that are not a list, naming the key', () => {
    const ctx = contextFor({ controlPlane: { advanced: { workloadServiceAccount: { imagePullSecrets: null } } } });
    expect(() => renderWorkloadServiceAccount(ctx)).toThrow(ValuesError);
    expect(() => renderWorkloadServiceAccount(ctx)).toThrow(/controlPlane\.advanced\.workloadServiceAccount\.imagePullSecrets/);
  });
});
