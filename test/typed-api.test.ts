import { Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-31';
import { BackingStore, SyncMode, VCluster } from '../src';
import { manifest, synthVCluster } from './typed-helper';

describe('the typed API', () => {
  test('adds no values when no typed prop is given', () => {
    const typed = new VCluster(Testing.chart(), 'vc1');
    const plain = new VCluster(Testing.chart(), 'vc1', { values: {} });
    expect(typed.values).toEqual(plain.values);
  });

  test('raw values are merged last, over the typed props', () => {
    const { manifests } = synthVCluster({
      ingress: { host: 'typed.example.com' },
      values: { controlPlane: { ingress: { host: 'raw.example.com' } } },
    });
    expect(manifest(manifests, 'Ingress').spec.rules[0].host).toBe('raw.example.com');
  });

  test('raw values can complete a typed prop', () => {
    const { vc } = synthVCluster({
      backingStore: BackingStore.deployedEtcd(),
      values: { controlPlane: { backingStore: { etcd: { deploy: { statefulSet: { extraArgs: ['--quota-backend-bytes=4294967296'] } } } } } },
    });
    expect(vc.values.controlPlane.backingStore.etcd.deploy).toMatchObject({
      enabled: true,
      statefulSet: { extraArgs: ['--quota-backend-bytes=4294967296'] },
    });
  });

  test('reports what the virtual cluster takes of its quota and what remains for workloads', () => {
    const { vc } = synthVCluster({
      backingStore: BackingStore.deployedEtcd(),
      policies: { resourceQuota: { quota: { memory: Size.gibibytes(5), limitsMemory: Size.gibibytes(5), pods: 15 } } },
    });
    const line = (resource: string) => vc.quotaBudget?.find((l) => l.resource === resource);
    expect(line('pods')).toMatchObject({ hard: '15', used: '3', remaining: '12' });
    expect(line('limits.memory')!.users.map((u) => u.what)).toEqual(['control plane Deployment vc1', 'etcd StatefulSet vc1-etcd', 'CoreDNS']);
    expect(line('limits.memory')!.remaining).toBe('342Mi');
    // Plain data: it serializes (no BigInt) and reads back the same.
    expect(JSON.parse(JSON.stringify(vc.quotaBudget))).toEqual(vc.quotaBudget);
  });

  test('reports no quota budget without a quota', () => {
    expect(synthVCluster().vc.quotaBudget).toBeUndefined();
  });

  test('fails when the raw values are not a map', () => {
    expect(() => new VCluster(Testing.chart(), 'vc1', { values: [] as any })).toThrow('values: expected a map of vcluster.yaml values, got [].');
  });

  test('renders a hardened tenant the same way on every synth', () => {
    const props = {
      kubernetesVersion: 'v1.32.1',
      defaultImageRegistry: 'registry.example.com',
      rootless: true,
      backingStore: BackingStore.deployedEtcd({ replicas: 3, persistence: { storageClass: 'fast', size: Size.gibibytes(10) } }),
      controlPlane: { replicas: 3, resources: { cpu: { request: Cpu.millis(500) }, memory: { request: Size.gibibytes(1) } } },
      ingress: { host: 'team-a.example.com', ingressClassName: 'nginx' },
      exportKubeConfig: { context: 'team-a' },
      integrations: { metricsServer: true, certManager: true },
      policies: {
        resourceQuota: { quota: { requestsCpu: Cpu.units(8), requestsMemory: Size.gibibytes(16), pods: 50, objectCounts: { pods: 50 } } },
        limitRange: { default: { cpu: Cpu.millis(500), memory: Size.mebibytes(512) } },
        networkPolicy: { publicEgress: true },
      },
      sync: { fromHost: { storageClasses: true, ingressClasses: true, csiDrivers: SyncMode.AUTO }, toHost: { ingresses: true } },
    };
    const { manifests } = synthVCluster(props);
    expect(manifests).toEqual(synthVCluster(props).manifests);
    expect(manifests).toMatchSnapshot();
  });
});
