import { volumeClaimTemplates } from '../../src/render/persistence';
import { contextFor } from './context-helper';

describe('persistence', () => {
  test('claims a data volume when the embedded database needs one', () => {
    expect(volumeClaimTemplates(contextFor({}))).toEqual([{
      metadata: { name: 'data' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } },
    }]);
  });

  test('claims nothing when an external backing store keeps the state', () => {
    expect(volumeClaimTemplates(contextFor({ controlPlane: { backingStore: { etcd: { deploy: { enabled: true } } } } }))).toBeUndefined();
  });

  test('claims a volume when enabled even with an external backing store', () => {
    const claims = volumeClaimTemplates(contextFor({
      controlPlane: {
        backingStore: { etcd: { deploy: { enabled: true } } },
        statefulSet: { persistence: { volumeClaim: { enabled: true, storageClass: 'fast', size: '10Gi' } } },
      },
    }));
    expect(claims?.[0].spec).toEqual({ accessModes: ['ReadWriteOnce'], storageClassName: 'fast', resources: { requests: { storage: '10Gi' } } });
  });

  test('uses the user volume claim templates instead of the chart one', () => {
    const templates = [{ metadata: { name: 'data' }, spec: { resources: { requests: { storage: '1Gi' } } } }];
    expect(volumeClaimTemplates(contextFor({
      controlPlane: { statefulSet: { persistence: { volumeClaim: { enabled: false }, volumeClaimTemplates: templates } } },
    }))).toEqual(templates);
  });

  test('writes access modes the way Go prints a list, as the chart does', () => {
    const claims = volumeClaimTemplates(contextFor({
      controlPlane: { statefulSet: { persistence: { volumeClaim: { accessModes: ['ReadWriteOnce', 'ReadOnlyMany'] } } } },
    }));
    expect(claims?.[0].spec.accessModes).toEqual(['ReadWriteOnce ReadOnlyMany']);
  });
});
