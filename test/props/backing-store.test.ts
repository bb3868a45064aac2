import { Size } from 'cdk8s';
import { k8s } from 'cdk8s-plus-31';
import { BackingStore, RetentionPolicy } from '../../src';
import { expectTypedImport } from '../import/import-helper';
import { manifest, synthVCluster } from '../typed-helper';

describe('BackingStore', () => {
  test('deployedEtcd renders an etcd StatefulSet with the given members and volume claims', () => {
    const { manifests } = synthVCluster({
      backingStore: BackingStore.deployedEtcd({
        replicas: 3,
        persistence: { storageClass: 'fast', size: Size.gibibytes(10), retentionPolicy: RetentionPolicy.DELETE },
        resources: { memory: { request: Size.mebibytes(512) } },
      }),
    });
    const etcd = manifest(manifests, 'StatefulSet', 'vc1-etcd');
    expect(etcd.spec.replicas).toBe(3);
    expect(etcd.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Delete' });
    expect(etcd.spec.volumeClaimTemplates[0].spec).toMatchObject({ storageClassName: 'fast', resources: { requests: { storage: '10Gi' } } });
    expect(etcd.spec.template.spec.containers[0].resources.requests).toEqual({ cpu: '20m', memory: '512Mi' });
    // Without a volume claim of its own, the control plane is a Deployment.
    expect(manifest(manifests, 'Deployment', 'vc1')).toBeDefined();
  });

  test('deployedEtcd passes scheduling and security contexts through to the etcd pods', () => {
    const { manifests } = synthVCluster({
      backingStore: BackingStore.deployedEtcd({
        scheduling: { nodeSelector: { disk: 'ssd' }, tolerations: [{ key: 'etcd', operator: 'Exists', effect: 'NoSchedule' }] },
        podSecurityContext: { fsGroup: 1000 },
        containerSecurityContext: { readOnlyRootFilesystem: true },
        podLabels: { team: 'a' },
      }),
    });
    const pod = manifest(manifests, 'StatefulSet', 'vc1-etcd').spec.template;
    expect(pod.metadata.labels.team).toBe('a');
    expect(pod.spec.nodeSelector).toEqual({ disk: 'ssd' });
    expect(pod.spec.tolerations).toEqual([{ key: 'etcd', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(pod.spec.securityContext).toEqual({ fsGroup: 1000 });
    expect(pod.spec.containers[0].securityContext).toEqual({ readOnlyRootFilesystem: true });
  });

  test('embeddedEtcd runs etcd in a StatefulSet control plane', () => {
    const { vc, manifests } = synthVCluster({ backingStore: BackingStore.embeddedEtcd() });
    expect(vc.values.controlPlane.backingStore.etcd.embedded.enabled).toBe(true);
    expect(manifest(manifests, 'StatefulSet', 'vc1')).toBeDefined();
    expect(manifests.some((m) => m.metadata.name === 'vc1-etcd')).toBe(false);
  });

  test('externalEtcd and externalDatabase write their connection settings', () => {
    const etcd = synthVCluster({
      backingStore: BackingStore.externalEtcd({ endpoint: 'etcd.example.com:2379', tls: { caFile: '/certs/ca.crt' } }),
    }).vc.values.controlPlane.backingStore.etcd.external;
    expect(etcd).toEqual({ enabled: true, endpoint: 'etcd.example.com:2379', tls: { caFile: '/certs/ca.crt', certFile: '', keyFile: '' } });
    const db = synthVCluster({
      backingStore: BackingStore.externalDatabase({ dataSource: 'postgres://vc@db:5432/vc1' }),
    }).vc.values.controlPlane.backingStore.database.external;
    expect(db).toMatchObject({ enabled: true, dataSource: 'postgres://vc@db:5432/vc1' });
  });

  test('embeddedDatabase selects the embedded database explicitly', () => {
    const { vc } = synthVCluster({ backingStore: BackingStore.embeddedDatabase() });
    expect(vc.values.controlPlane.backingStore.database.embedded.enabled).toBe(true);
  });

  test('fails when deployed etcd has no member, naming the factory option', () => {
    expect(() => synthVCluster({ backingStore: BackingStore.deployedEtcd({ replicas: 0 }) })).toThrow(
      'backingStore.replicas: expected at least 1 replica, got 0; with none, nothing runs. Set 1, or 3 or more for high availability.',
    );
  });

  test('fails when the etcd volume claim has no size', () => {
    expect(() => BackingStore.deployedEtcd({ persistence: { size: Size.gibibytes(0) } })).toThrow(
      'backingStore.persistence.size: must be greater than zero; give e.g. Size.gibibytes(5). Got "0Gi".',
    );
  });

  test('fails when the external etcd has no endpoint', () => {
    expect(() => BackingStore.externalEtcd({ endpoint: '' })).toThrow(
      'backingStore.endpoint: give the etcd endpoint, e.g. "etcd.example.com:2379". Got "".',
    );
  });

  test('fails when the external database has neither data source nor connector', () => {
    expect(() => BackingStore.externalDatabase({})).toThrow(/^backingStore\.dataSource: give the database, e\.g\. "postgres:/);
  });

  test('fails when the access mode is not a PersistentVolumeAccessMode', () => {
    expect(() => BackingStore.deployedEtcd({ persistence: { accessMode: 'ReadWriteOnce ReadOnlyMany' as any } })).toThrow(
      /^backingStore\.persistence\.accessMode: use a PersistentVolumeAccessMode/,
    );
  });

  test('keeps a pod security context of the L1 type as given', () => {
    const context: k8s.PodSecurityContext = { runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } };
    const { vc } = synthVCluster({ backingStore: BackingStore.deployedEtcd({ podSecurityContext: context }) });
    expect(vc.values.controlPlane.backingStore.etcd.deploy.statefulSet.security.podSecurityContext).toEqual(context);
  });

  test('deployedEtcd annotates its Service and headless Service', () => {
    const { manifests } = synthVCluster({
      backingStore: BackingStore.deployedEtcd({ service: { annotations: { a: 'b' } }, headlessService: { annotations: { c: 'd' } } }),
    });
    expect(manifest(manifests, 'Service', 'vc1-etcd').metadata.annotations).toMatchObject({ a: 'b' });
    expect(manifest(manifests, 'Service', 'vc1-etcd-headless').metadata.annotations).toMatchObject({ c: 'd' });
  });

  test('fails when the etcd Service is left out but given annotations', () => {
    expect(() => synthVCluster({ backingStore: BackingStore.deployedEtcd({ service: { enabled: false, annotations: { a: 'b' } } }) })).toThrow(
      'backingStore.service.annotations: are for a Service that service.enabled: false leaves out: remove one of them. Got {"a":"b"}.',
    );
  });

  test('imports the docs\' annotations of each etcd component as typed props that render what the chart renders', () => {
    expectTypedImport(
      'controlPlane:\n  backingStore:\n    etcd:\n      deploy:\n        enabled: true\n        statefulSet:\n          annotations:\n'
        + '            app.kubernetes.io/part-of: etcd\n        service:\n          annotations:\n            app.kubernetes.io/part-of: etcd\n'
        + '        headlessService:\n          annotations:\n            app.kubernetes.io/part-of: etcd\n',
      "service: { annotations: { 'app.kubernetes.io/part-of': 'etcd' } },",
    );
  });
});
