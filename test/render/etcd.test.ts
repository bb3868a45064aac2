import { contextFor } from './context-helper';
import { renderEtcdHeadlessService, renderEtcdService, renderEtcdStatefulSet } from '../../src/render/etcd';
import { ValueMap } from '../../src/values/value-map';

const deployEtcd = (deploy: ValueMap = {}, extra: ValueMap = {}): ValueMap => ({
  ...extra,
  controlPlane: { ...(extra.controlPlane ?? {}), backingStore: { etcd: { deploy: { enabled: true, ...deploy } } } },
});

const statefulSet = (user: ValueMap, kubeVersion?: string): any => {
  const objects = renderEtcdStatefulSet(contextFor(user, { kubeVersion }));
  expect(objects).toHaveLength(1);
  return objects[0].manifest;
};

const container = (user: ValueMap): any => statefulSet(user).spec.template.spec.containers[0];

describe('etcd', () => {
  test('renders the etcd StatefulSet and services only when deployed etcd is the backing store', () => {
    for (const render of [renderEtcdStatefulSet, renderEtcdService, renderEtcdHeadlessService]) {
      expect(render(contextFor({}))).toEqual([]);
      expect(render(contextFor({ controlPlane: { backingStore: { etcd: { external: { enabled: true } } } } }))).toEqual([]);
      expect(render(contextFor(deployEtcd()))).toHaveLength(1);
    }
  });

  test('keeps the etcd objects while the embedded etcd migrates from the deployed one', () => {
    const ctx = contextFor({ controlPlane: { backingStore: { etcd: { embedded: { enabled: true, migrateFromDeployedEtcd: true } } } } });
    expect(renderEtcdStatefulSet(ctx).map((o) => o.id)).toEqual(['EtcdStatefulSet']);
    expect(renderEtcdService(ctx).map((o) => o.id)).toEqual(['EtcdService']);
    expect(renderEtcdHeadlessService(ctx).map((o) => o.id)).toEqual(['EtcdHeadlessService']);
  });

  test('leaves out the StatefulSet or the client service when they are disabled', () => {
    expect(renderEtcdStatefulSet(contextFor(deployEtcd({ statefulSet: { enabled: false } })))).toEqual([]);
    expect(renderEtcdService(contextFor(deployEtcd({ service: { enabled: false } })))).toEqual([]);
  });

  test('lists every peer in the initial cluster', () => {
    const command: string[] = container(deployEtcd({ statefulSet: { highAvailability: { replicas: 3 } } })).command;
    expect(command).toContain(
      '--initial-cluster=vc1-etcd-0=https://vc1-etcd-0.vc1-etcd-headless.team-a:2380,' +
        'vc1-etcd-1=https://vc1-etcd-1.vc1-etcd-headless.team-a:2380,' +
        'vc1-etcd-2=https://vc1-etcd-2.vc1-etcd-headless.team-a:2380',
    );
  });

  test('appends extra args as strings', () => {
    const command: unknown[] = container(deployEtcd({ statefulSet: { extraArgs: ['--quota-backend-bytes=8589934592', 5] } })).command;
    expect(command.slice(-2)).toEqual(['--quota-backend-bytes=8589934592', '5']);
  });

  test('prefixes the image with the default registry, which replaces the image registry', () => {
    expect(container(deployEtcd()).image).toBe('registry.k8s.io/etcd:3.6.8-0');
    expect(container(deployEtcd({ statefulSet: { image: { registry: 'fabi.com', tag: '123' } } })).image).toBe('fabi.com/etcd:123');
    expect(container(deployEtcd({}, { controlPlane: { advanced: { defaultImageRegistry: 'mirror.io' } } })).image)
      .toBe('mirror.io/etcd:3.6.8-0');
    expect(container(deployEtcd({ statefulSet: { image: { registry: '' } } })).image).toBe('etcd:3.6.8-0');
  });

  test('claims a data volume by default and falls back to emptyDir without one', () => {
    const withClaim = statefulSet(deployEtcd({ statefulSet: { persistence: { volumeClaim: { storageClass: 'fast' } } } }));
    expect(withClaim.spec.volumeClaimTemplates).toEqual([{
      metadata: { name: 'data' },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast', resources: { requests: { storage: '5Gi' } } },
    }]);
    expect(withClaim.spec.template.spec.volumes).toEqual([{ name: 'certs', secret: { secretName: 'vc1-certs' } }]);

    const without = statefulSet(deployEtcd({ statefulSet: { persistence: { volumeClaim: { enabled: false } } } }));
    expect(without.spec.volumeClaimTemplates).toBeUndefined();
    expect(without.spec.template.spec.volumes).toContainEqual({ name: 'data', emptyDir: {} });
  });

  test('writes access modes the way Go prints a list, as the chart does', () => {
    const sts = statefulSet(deployEtcd({ statefulSet: { persistence: { volumeClaim: { accessModes: ['ReadWriteOnce', 'ReadOnlyMany'] } } } }));
    expect(sts.spec.volumeClaimTemplates[0].spec.accessModes).toEqual(['ReadWriteOnce ReadOnlyMany']);
  });

  test('deletes claims with the StatefulSet only from Kubernetes 1.27 on', () => {
    const user = deployEtcd({ statefulSet: { persistence: { volumeClaim: { retentionPolicy: 'Delete' } } } });
    expect(statefulSet(user).spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Delete' });
    expect(statefulSet(user, '1.26.0').spec.persistentVolumeClaimRetentionPolicy).toBeUndefined();
    expect(statefulSet(deployEtcd()).spec.persistentVolumeClaimRetentionPolicy).toBeUndefined();
  });

  test('writes enableServiceLinks as given', () => {
    expect(statefulSet(deployEtcd({ statefulSet: { enableServiceLinks: false } })).spec.template.spec.enableServiceLinks).toBe(false);
  });

  test('lets user labels win over the chart labels and global annotations win over the own ones', () => {
    const sts = statefulSet(deployEtcd(
      { statefulSet: { labels: { app: 'mine', team: 'a' }, annotations: { shared: 'own', own: 'x' } } },
      { controlPlane: { advanced: { globalMetadata: { annotations: { shared: 'global' } } } } },
    ));
    expect(sts.metadata.labels).toMatchObject({ app: 'mine', team: 'a', release: 'vc1' });
    expect(sts.metadata.annotations).toEqual({ shared: 'global', own: 'x' });
  });

  test('quotes pod label values and keeps the selector labels', () => {
    const sts = statefulSet(deployEtcd({ statefulSet: { pods: { labels: { tier: 'db', version: 3 } } } }));
    expect(sts.spec.template.metadata.labels).toEqual({ app: 'vcluster-etcd', release: 'vc1', tier: 'db', version: '3' });
  });

  test('refuses extra volumes that are not a list', () => {
    expect(() => renderEtcdStatefulSet(contextFor(deployEtcd({ statefulSet: { persistence: { addVolumes: { name: 'x' } } } }))))
      .toThrow(/controlPlane\.backingStore\.etcd\.deploy\.statefulSet\.persistence\.addVolumes: expected a list/);
  });

  test('annotates the services with their own and the global annotations', () => {
    const ctx = contextFor(deployEtcd(
      { service: { annotations: { a: '1' } }, headlessService: { annotations: { b: '2' } } },
      { controlPlane: { advanced: { globalMetadata: { annotations: { g: '3' } } } } },
    ));
    expect(renderEtcdService(ctx)[0].manifest.metadata.annotations).toEqual({ a: '1', g: '3' });
    expect(renderEtcdHeadlessService(ctx)[0].manifest.metadata.annotations).toEqual({ b: '2', g: '3' });
  });
});
