import { BackingStore, UnhealthyPodEvictionPolicy } from '../../src';
import { manifest, synthVCluster, syncer } from '../typed-helper';
import { vc1 } from '../import/import-helper';

describe('the operations props', () => {
  test('podDisruptionBudget guards the control-plane pods by their selector labels', () => {
    const { vc, manifests } = synthVCluster({
      controlPlane: { replicas: 3 }, backingStore: BackingStore.embeddedEtcd(),
      podDisruptionBudget: { minAvailable: 2, unhealthyPodEvictionPolicy: UnhealthyPodEvictionPolicy.ALWAYS_ALLOW },
    });
    const pdb = manifest(manifests, 'PodDisruptionBudget', 'vc1');
    expect(pdb.spec).toEqual({ minAvailable: 2, unhealthyPodEvictionPolicy: 'AlwaysAllow', selector: { matchLabels: vc.controlPlaneSelector } });
    expect(manifest(manifests, 'StatefulSet', 'vc1').spec.selector.matchLabels).toEqual(vc.controlPlaneSelector);
  });

  test('podDisruptionBudget: true renders the budget without counts, a percentage as given', () => {
    expect(manifest(synthVCluster({ podDisruptionBudget: true }).manifests, 'PodDisruptionBudget').spec).toEqual({
      selector: { matchLabels: { app: 'vcluster', release: 'vc1' } },
    });
    expect(manifest(synthVCluster({ podDisruptionBudget: { maxUnavailable: '50%' } }).manifests, 'PodDisruptionBudget').spec.maxUnavailable).toBe(
      '50%',
    );
  });

  test('fails when podDisruptionBudget gives both counts, which the chart would silently reduce to one', () => {
    expect(() => synthVCluster({ podDisruptionBudget: { minAvailable: 1, maxUnavailable: 1 } }))
      .toThrow('podDisruptionBudget: give minAvailable or maxUnavailable, not both: the chart renders only minAvailable. Got ' +
        '{"minAvailable":1,"maxUnavailable":1}.');
  });

  test('fails when podDisruptionBudget.minAvailable is 0, which the chart drops', () => {
    expect(() => synthVCluster({ podDisruptionBudget: { minAvailable: 0 } }))
      .toThrow('podDisruptionBudget.minAvailable: give a whole number of pods above 0 or a percentage such as "50%" (the chart drops a 0). Got 0.');
  });

  test('serviceMonitor renders the ServiceMonitor with its labels and annotations; a release label replaces the chart\'s', () => {
    const { manifests } = synthVCluster({ serviceMonitor: { labels: { release: 'kube-prometheus' }, annotations: { team: 'a' } } });
    const sm = manifest(manifests, 'ServiceMonitor', 'vc-vc1');
    expect(sm.metadata.labels.release).toBe('kube-prometheus');
    expect(sm.metadata.annotations).toEqual({ team: 'a' });
    expect(manifests.filter((m) => m.kind === 'ServiceMonitor')).toHaveLength(1);
    expect(synthVCluster({ serviceMonitor: false }).manifests.some((m) => m.kind === 'ServiceMonitor')).toBe(false);
  });

  test('imagePullSecrets reach both service accounts; the workload one gets the control plane\'s too', () => {
    const { manifests } = synthVCluster({ imagePullSecrets: { controlPlane: ['registry'], workload: ['team-registry'] } });
    expect(manifest(manifests, 'ServiceAccount', 'vc-vc1').imagePullSecrets).toEqual([{ name: 'registry' }]);
    expect(manifest(manifests, 'ServiceAccount', 'vc-workload-vc1').imagePullSecrets).toEqual([{ name: 'registry' }, { name: 'team-registry' }]);
  });

  test('fails when an image pull secret has no name', () => {
    expect(() => synthVCluster({ imagePullSecrets: { workload: [' '] } }))
      .toThrow('imagePullSecrets.workload[0]: give the name of a Secret of the host namespace. Got " ".');
  });

  test('a Secret-backed CA is one volume and one mount of the control plane', () => {
    const { manifests } = synthVCluster({
      controlPlane: {
        volumes: [{ name: 'db-ca', secret: { secretName: 'db-ca' } }],
        volumeMounts: [{ name: 'db-ca', mountPath: '/certs/db', readOnly: true }],
      },
    });
    const pod = manifest(manifests, 'StatefulSet', 'vc1').spec.template.spec;
    expect(pod.volumes).toContainEqual({ name: 'db-ca', secret: { secretName: 'db-ca' } });
    expect(syncer(manifests).volumeMounts).toContainEqual({ name: 'db-ca', mountPath: '/certs/db', readOnly: true });
  });

  test('controlPlaneSelector is the chart\'s pod selector of the release', () => {
    const { vc } = synthVCluster({ name: 'team-a' });
    expect(vc.controlPlaneSelector).toEqual({ app: 'vcluster', release: 'team-a' });
  });

  test('telemetry: false switches vCluster\'s usage telemetry off; the importer gives it from telemetry.enabled', () => {
    expect(synthVCluster({ telemetry: false }).vc.values.telemetry).toEqual({ enabled: false });
    expect(synthVCluster().vc.values.telemetry).toEqual({ enabled: true });
    const result = vc1('telemetry:\n  enabled: false\n');
    expect(result.raw).toEqual({});
    expect(result.program).toContain('telemetry: false');
  });
});
