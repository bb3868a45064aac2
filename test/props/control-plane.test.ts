import { Size } from 'cdk8s';
import { Cpu, ImagePullPolicy, PersistentVolumeAccessMode, PodManagementPolicy } from 'cdk8s-plus-31';
import { BackingStore, RetentionPolicy } from '../../src';
import { renderTemplate } from '../../src/cli/template';
import { compareManifests } from '../conformance/compare';
import { vc1 } from '../import/import-helper';
import { runProgram } from '../import/program-runner';
import { manifest, synthVCluster, syncer } from '../typed-helper';

describe('the control plane props', () => {
  test('persistence gives the StatefulSet control plane its volume claim', () => {
    const { manifests } = synthVCluster({
      controlPlane: {
        persistence: {
          storageClass: 'fast', size: Size.gibibytes(20), retentionPolicy: RetentionPolicy.DELETE,
          accessMode: PersistentVolumeAccessMode.READ_WRITE_ONCE_POD,
        },
      },
    });
    const sts = manifest(manifests, 'StatefulSet', 'vc1');
    expect(sts.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Delete' });
    expect(sts.spec.volumeClaimTemplates[0].spec).toEqual({
      accessModes: ['ReadWriteOncePod'], storageClassName: 'fast', resources: { requests: { storage: '20Gi' } },
    });
  });

  test('dataVolume holds the control plane\'s data instead of the chart\'s emptyDir, e.g. a claim made beforehand', () => {
    const { manifests } = synthVCluster({
      backingStore: BackingStore.deployedEtcd(),
      controlPlane: { dataVolume: [{ name: 'data', persistentVolumeClaim: { claimName: 'my-existing-pvc' } }] },
    });
    const volumes = manifest(manifests, 'Deployment', 'vc1').spec.template.spec.volumes;
    expect(volumes.filter((v: any) => v.name === 'data')).toEqual([{ name: 'data', persistentVolumeClaim: { claimName: 'my-existing-pvc' } }]);
  });

  test('fails when no data volume is named "data", which the container mounts', () => {
    expect(() => synthVCluster({ controlPlane: { dataVolume: [{ name: 'pvc', persistentVolumeClaim: { claimName: 'x' } }] } })).toThrow(
      'controlPlane.dataVolume: the control-plane container mounts the volume "data": name one of these volumes "data". Got ',
    );
  });

  test('imports the docs\' existing claim as dataVolume, rendering what the chart renders', () => {
    const result = vc1('controlPlane:\n  statefulSet:\n    persistence:\n      dataVolume:\n        - name: data\n'
      + '          persistentVolumeClaim:\n            claimName: my-existing-pvc\n');
    expect(result.raw).toEqual({});
    expect(result.program).toContain("dataVolume: [{ name: 'data', persistentVolumeClaim: { claimName: 'my-existing-pvc' } }]");
    const { options } = result;
    const expected = renderTemplate({ name: options.name, namespace: options.namespace, values: options.values });
    expect(compareManifests(expected, runProgram(result.program), true)).toEqual([]);
  });

  test('resources are merged entry by entry over the chart defaults', () => {
    const { manifests } = synthVCluster({
      controlPlane: { resources: { cpu: { request: Cpu.millis(500), limit: Cpu.units(2) }, memory: { limit: Size.gibibytes(2) } } },
    });
    expect(syncer(manifests).resources).toEqual({
      requests: { 'cpu': '500m', 'memory': '256Mi', 'ephemeral-storage': '1Gi' },
      limits: { 'cpu': '2', 'memory': '2Gi', 'ephemeral-storage': '10Gi' },
    });
  });

  test('scheduling, labels and annotations reach the control plane and its pods', () => {
    const { manifests } = synthVCluster({
      controlPlane: {
        scheduling: {
          nodeSelector: { pool: 'system' },
          tolerations: [{ key: 'dedicated', value: 'system', effect: 'NoSchedule' }],
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }],
              },
            },
          },
          priorityClassName: 'system-cluster-critical',
        },
        labels: { team: 'platform' },
        annotations: { owner: 'platform@example.com' },
        podLabels: { tier: 'control-plane' },
        podAnnotations: { 'prometheus.io/scrape': 'true' },
      },
    });
    const cp = manifest(manifests, 'StatefulSet', 'vc1');
    expect(cp.metadata.labels.team).toBe('platform');
    expect(cp.metadata.annotations.owner).toBe('platform@example.com');
    expect(cp.spec.template.metadata.labels.tier).toBe('control-plane');
    expect(cp.spec.template.metadata.annotations['prometheus.io/scrape']).toBe('true');
    expect(cp.spec.template.spec).toMatchObject({
      nodeSelector: { pool: 'system' },
      tolerations: [{ key: 'dedicated', value: 'system', effect: 'NoSchedule' }],
      priorityClassName: 'system-cluster-critical',
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }],
          },
        },
      },
    });
  });

  test('the image and its pull policy apply to the syncer container', () => {
    const { manifests } = synthVCluster({
      controlPlane: { image: { registry: 'registry.example.com', tag: '0.36.1-patched' }, imagePullPolicy: ImagePullPolicy.ALWAYS },
    });
    expect(syncer(manifests)).toMatchObject({ image: 'registry.example.com/loft-sh/vcluster-pro:0.36.1-patched', imagePullPolicy: 'Always' });
  });

  test('container security context is merged over the chart default', () => {
    const { manifests } = synthVCluster({ controlPlane: { containerSecurityContext: { runAsUser: 1000, runAsNonRoot: true } } });
    expect(syncer(manifests).securityContext).toEqual({ allowPrivilegeEscalation: false, runAsUser: 1000, runAsGroup: 0, runAsNonRoot: true });
  });

  test('replicas scale the control plane when the backing store is shared', () => {
    const { manifests } = synthVCluster({ backingStore: BackingStore.embeddedEtcd(), controlPlane: { replicas: 3 } });
    expect(manifest(manifests, 'StatefulSet', 'vc1').spec.replicas).toBe(3);
  });

  test('fails when replicas are negative, naming the prop (the rule is the values check, written once)', () => {
    expect(() => synthVCluster({ controlPlane: { replicas: -1 } })).toThrow(
      'controlPlane.replicas: expected at least 1 replica, got -1; with none, nothing runs. Set 1, or 3 or more for high availability.',
    );
  });

  test('fails when several replicas would share the embedded database, naming the prop', () => {
    expect(() => synthVCluster({ controlPlane: { replicas: 3 } })).toThrow(
      /\[test\/vc1\] release vc1: controlPlane\.replicas: several control plane replicas need a backing store they share, and the embedded database \(SQLite\) is not one; got 3\. Choose etcd or an external database: backingStore: BackingStore\.embeddedEtcd\(\)/,
    );
  });

  test('fails when several replicas from raw values would share the embedded database, naming the values path', () => {
    expect(() => synthVCluster({ values: { controlPlane: { statefulSet: { highAvailability: { replicas: 2 } } } } })).toThrow(
      /\[test\/vc1\] release vc1: controlPlane\.statefulSet\.highAvailability\.replicas: several control plane replicas need a backing store they share, and the embedded database \(SQLite\) is not one; got 2\./,
    );
  });

  test('replicas from raw values scale the control plane when the backing store from raw values is shared', () => {
    const { manifests } = synthVCluster({
      values: { controlPlane: { statefulSet: { highAvailability: { replicas: 3 } }, backingStore: { etcd: { embedded: { enabled: true } } } } },
    });
    expect(manifest(manifests, 'StatefulSet', 'vc1').spec.replicas).toBe(3);
  });

  test('fails when the persistence size is zero', () => {
    expect(() => synthVCluster({ controlPlane: { persistence: { size: Size.mebibytes(0) } } })).toThrow(
      'controlPlane.persistence.size: must be greater than zero; give e.g. Size.gibibytes(5). Got "0Mi".',
    );
  });

  test('fails when a CPU request exceeds its limit', () => {
    expect(() => synthVCluster({ controlPlane: { resources: { cpu: { request: Cpu.units(2), limit: Cpu.millis(500) } } } })).toThrow(
      'controlPlane.resources.cpu.request: the request "2" is more than the limit 500m (controlPlane.resources.cpu.limit); ' +
        'Kubernetes refuses a container whose request exceeds its limit. Lower the request to at most 500m, or raise the limit.',
    );
  });

  test('fails when a typed request exceeds a raw limit, naming each where it was written', () => {
    expect(() => synthVCluster({
      controlPlane: { resources: { cpu: { request: Cpu.units(2) } } },
      values: { controlPlane: { statefulSet: { resources: { limits: { cpu: '500m' } } } } },
    })).toThrow('controlPlane.resources.cpu.request: the request "2" is more than the limit 500m (controlPlane.statefulSet.resources.limits.cpu);');
  });

  test('fails when a CPU amount is finer than a millicore', () => {
    expect(() => synthVCluster({ controlPlane: { resources: { cpu: { request: Cpu.millis(0.5) } } } })).toThrow(
      'controlPlane.resources.cpu.request: must be a positive amount of CPU in whole millicores, e.g. Cpu.millis(100) or Cpu.units(2). Got "0.5m".',
    );
  });

  test('env follows the chart\'s own variables; command and args replace the image\'s', () => {
    const { manifests } = synthVCluster({
      controlPlane: {
        env: [{ name: 'DEBUG', value: 'true' }, { name: 'HTTPS_PROXY', valueFrom: { secretKeyRef: { name: 'proxy', key: 'url' } } }],
        command: ['/vcluster'],
        args: ['start', '--debug'],
      },
    });
    const container = syncer(manifests);
    const names = container.env.map((e: any) => e.name);
    expect(names.slice(0, 1)).toEqual(['VCLUSTER_NAME']);
    expect(container.env.slice(-2)).toEqual([
      { name: 'DEBUG', value: 'true' }, { name: 'HTTPS_PROXY', valueFrom: { secretKeyRef: { name: 'proxy', key: 'url' } } },
    ]);
    expect(container.command).toEqual(['/vcluster']);
    expect(container.args).toEqual(['start', '--debug']);
  });

  test('the pod management policy and topology spread reach the control plane and deployed etcd StatefulSets', () => {
    const spread = { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule' };
    const { manifests } = synthVCluster({
      controlPlane: { scheduling: { podManagementPolicy: PodManagementPolicy.ORDERED_READY, topologySpreadConstraints: [spread] } },
    });
    const cp = manifest(manifests, 'StatefulSet', 'vc1');
    expect(cp.spec.podManagementPolicy).toBe('OrderedReady');
    expect(cp.spec.template.spec.topologySpreadConstraints).toEqual([spread]);
    const etcd = synthVCluster({
      backingStore: BackingStore.deployedEtcd({ scheduling: { podManagementPolicy: PodManagementPolicy.ORDERED_READY } }),
    });
    expect(manifest(etcd.manifests, 'StatefulSet', 'vc1-etcd').spec.podManagementPolicy).toBe('OrderedReady');
  });

  test('fails when the pod management policy is none of the StatefulSet\'s, naming the prop', () => {
    expect(() => synthVCluster({ controlPlane: { scheduling: { podManagementPolicy: 'Serial' as any } } })).toThrow(
      'controlPlane.scheduling.podManagementPolicy: use PodManagementPolicy.PARALLEL or PodManagementPolicy.ORDERED_READY (cdk8s-plus). ' +
        'Got "Serial".',
    );
  });

  test('imports env, args and scheduling of the control plane as typed props that render what the chart renders', () => {
    const result = vc1(`
controlPlane:
  statefulSet:
    scheduling:
      podManagementPolicy: OrderedReady
      priorityClassName: system-cluster-critical
      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: kubernetes.io/hostname
        whenUnsatisfiable: ScheduleAnyway
        labelSelector:
          matchLabels:
            app: vcluster
    env:
    - name: DEBUG
      value: "true"
    - name: POD_NAMESPACE
      valueFrom:
        fieldRef:
          fieldPath: metadata.namespace
    args:
    - start
    command: []
`);
    expect(result.raw).toEqual({});
    for (const snippet of [
      'podManagementPolicy: PodManagementPolicy.ORDERED_READY', "import { PodManagementPolicy } from 'cdk8s-plus-33';",
      "env: [\n          { name: 'DEBUG', value: 'true' },", "args: ['start']", "topologyKey: 'kubernetes.io/hostname'",
    ]) {
      expect(result.program).toContain(snippet);
    }
    expect(result.program).not.toContain('command');
    const { options } = result;
    const expected = renderTemplate({ name: options.name, namespace: options.namespace, values: options.values });
    expect(compareManifests(expected, runProgram(result.program), true)).toEqual([]);
  });
});
