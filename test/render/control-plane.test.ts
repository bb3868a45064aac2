import { renderControlPlane, syncerSecurityContext } from '../../src/render/control-plane';
import { ValueMap } from '../../src/values/value-map';
import { contextFor } from './context-helper';

const controlPlane = (user: ValueMap = {}, kubeVersion?: string): any => {
  const objects = renderControlPlane(contextFor(user, { kubeVersion }));
  expect(objects.map((o) => o.id)).toEqual(['ControlPlane']);
  return objects[0].manifest;
};

const pod = (user: ValueMap = {}): any => controlPlane(user).spec.template.spec;
const syncer = (user: ValueMap = {}): any => pod(user).containers[0];
const statefulSet = (sts: ValueMap): ValueMap => ({ controlPlane: { statefulSet: sts } });
const deployedEtcd = { backingStore: { etcd: { deploy: { enabled: true } } } };

describe('control plane', () => {
  test('renders a StatefulSet with a volume claim template when persistence is enabled', () => {
    const sts = controlPlane();
    expect(sts.kind).toBe('StatefulSet');
    expect(sts.metadata).toMatchObject({ name: 'vc1', namespace: 'team-a' });
    expect(sts.spec).toMatchObject({ serviceName: 'vc1-headless', podManagementPolicy: 'Parallel', replicas: 1 });
    expect(sts.spec.volumeClaimTemplates.map((t: any) => t.metadata.name)).toEqual(['data']);
    expect(sts.spec.template.spec.volumes.map((v: any) => v.name)).not.toContain('data');
  });

  test('renders a Deployment with an emptyDir data volume when an external backing store keeps the state', () => {
    const deployment = controlPlane({ controlPlane: deployedEtcd });
    expect(deployment.kind).toBe('Deployment');
    expect(deployment.spec.volumeClaimTemplates).toBeUndefined();
    expect(deployment.spec.strategy).toEqual({ rollingUpdate: { maxSurge: 1, maxUnavailable: 0 }, type: 'RollingUpdate' });
    expect(deployment.spec.template.spec.volumes).toContainEqual({ name: 'data', emptyDir: {} });
  });

  test('lets one pod of a highly available Deployment be unavailable during updates', () => {
    const deployment = controlPlane({ controlPlane: { ...deployedEtcd, statefulSet: { highAvailability: { replicas: 3 } } } });
    expect(deployment.spec.replicas).toBe(3);
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(1);
  });

  test('renders a StatefulSet without claims for embedded etcd with the volume claim disabled', () => {
    const sts = controlPlane({
      controlPlane: { backingStore: { etcd: { embedded: { enabled: true } } }, statefulSet: { persistence: { volumeClaim: { enabled: false } } } },
    });
    expect(sts.kind).toBe('StatefulSet');
    expect(sts.spec.volumeClaimTemplates).toBeUndefined();
    expect(sts.spec.template.spec.volumes).toContainEqual({ name: 'data', emptyDir: {} });
  });

  test('sets the claim retention policy only from Kubernetes 1.27 on', () => {
    expect(controlPlane({}).spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain' });
    expect(controlPlane({}, '1.26.3').spec.persistentVolumeClaimRetentionPolicy).toBeUndefined();
  });

  test('annotates the pod template with the config hash and lets pod annotations follow it', () => {
    const annotations = controlPlane(statefulSet({ pods: { annotations: { a: 'b' } } })).spec.template.metadata.annotations;
    expect(annotations.vClusterConfigHash).toMatch(/^[0-9a-f]{64}$/);
    expect(annotations.a).toBe('b');
  });

  test('changes the config hash when the values change', () => {
    const hash = (user: ValueMap) => controlPlane(user).spec.template.metadata.annotations.vClusterConfigHash;
    expect(hash({})).not.toBe(hash({ sync: { fromHost: { nodes: { enabled: true } } } }));
  });

  test('lets user labels win over the chart labels', () => {
    const sts = controlPlane(statefulSet({ labels: { 'my-label': 'my-value', release: 'mine' }, pods: { labels: { tier: 'cp' } } }));
    expect(sts.metadata.labels).toMatchObject({ app: 'vcluster', release: 'mine', 'my-label': 'my-value' });
    expect(sts.spec.selector.matchLabels).toEqual({ app: 'vcluster', release: 'vc1' });
    expect(sts.spec.template.metadata.labels).toEqual({ app: 'vcluster', release: 'vc1', tier: 'cp' });
  });

  test('merges own annotations over the global ones', () => {
    const sts = controlPlane({
      controlPlane: {
        statefulSet: { annotations: { shared: 'own' } },
        advanced: { globalMetadata: { annotations: { shared: 'global', other: 'g' } } },
      },
    });
    expect(sts.metadata.annotations).toEqual({ shared: 'own', other: 'g' });
    expect(controlPlane().metadata.annotations).toBeUndefined();
  });

  test('orders the volumes as the chart does, with extra volumes rendered through tpl last', () => {
    const volumes = pod(statefulSet({ persistence: { addVolumes: [{ name: '{{ .Release.Name }}-extra', emptyDir: {} }] } })).volumes;
    expect(volumes.map((v: any) => v.name)).toEqual(['helm-cache', 'binaries', 'tmp', 'certs', 'vcluster-config', 'vc1-extra']);
    expect(volumes[4]).toEqual({ name: 'vcluster-config', secret: { secretName: 'vc-config-vc1' } });
  });

  test('replaces the data volume with the given one', () => {
    const dataVolume = [{ name: 'data', persistentVolumeClaim: { claimName: 'mine' } }];
    expect(pod({ controlPlane: { ...deployedEtcd, statefulSet: { persistence: { dataVolume } } } }).volumes).toContainEqual(dataVolume[0]);
  });

  test('refuses a binaries volume that is not a list of volumes', () => {
    expect(() => renderControlPlane(contextFor(statefulSet({ persistence: { binariesVolume: [] } }))))
      .toThrow(/controlPlane\.statefulSet\.persistence\.binariesVolume/);
  });

  test('adds the plugins volume and mount before the chart ones', () => {
    const spec = pod({ plugins: { p: { image: 'p' } } });
    expect(spec.volumes[0]).toEqual({ name: 'plugins', emptyDir: {} });
    expect(spec.containers[0].volumeMounts[0]).toEqual({ mountPath: '/plugins', name: 'plugins' });
  });

  test('appends extra volume mounts after the chart ones', () => {
    const mounts = syncer(statefulSet({ persistence: { addVolumeMounts: [{ name: 'extra', mountPath: '/extra' }] } })).volumeMounts;
    expect(mounts.map((m: any) => m.name)).toEqual(['data', 'binaries', 'certs', 'helm-cache', 'vcluster-config', 'tmp', 'extra']);
  });

  test('adds NET_ADMIN and NET_RAW when kube-vip is enabled', () => {
    expect(syncer({ controlPlane: { advanced: { kubeVip: { enabled: true } } } }).securityContext).toEqual({
      allowPrivilegeEscalation: false, runAsUser: 0, runAsGroup: 0, capabilities: { add: ['NET_ADMIN', 'NET_RAW'] },
    });
  });

  test('keeps user capabilities first and adds the kube-vip ones once', () => {
    const sc = syncer({
      controlPlane: {
        advanced: { kubeVip: { enabled: true } },
        statefulSet: { security: { containerSecurityContext: { capabilities: { add: ['NET_ADMIN', 'SYS_TIME'] } } } },
      },
    }).securityContext;
    expect(sc.capabilities.add).toEqual(['NET_ADMIN', 'SYS_TIME', 'NET_RAW']);
  });

  test('leaves the values untouched when adding kube-vip capabilities', () => {
    const values = contextFor({ controlPlane: { advanced: { kubeVip: { enabled: true } } } }).values;
    syncerSecurityContext(values);
    expect(values.controlPlane!.statefulSet!.security!.containerSecurityContext!.capabilities).toBeUndefined();
  });

  test('fails as Helm fails when kube-vip is on and the container security context is null', () => {
    // helm v4.1.4: statefulset.yaml's `merge .Values.controlPlane.statefulSet.security.containerSecurityContext dict`
    // fails with "wrong type for value; expected map[string]interface {}; got interface {}".
    const values = { controlPlane: { advanced: { kubeVip: { enabled: true } }, statefulSet: { security: { containerSecurityContext: null } } } };
    expect(() => syncer(values)).toThrow(
      /^controlPlane\.statefulSet\.security\.containerSecurityContext: wrong type for value; expected map\[string\]interface \{\}; got interface/,
    );
  });

  test('omits the security context when none is set and kube-vip is off', () => {
    expect(syncer(statefulSet({ security: { containerSecurityContext: null } })).securityContext).toBeUndefined();
  });

  test('appends statefulSet env and then distro env after the chart variables', () => {
    const env = syncer({
      controlPlane: { statefulSet: { env: [{ name: 'A', value: '1' }] }, distro: { k8s: { env: [{ name: 'B', value: '2' }] } } },
    }).env;
    expect(env.map((e: any) => e.name)).toEqual(['VCLUSTER_NAME', 'LOFT_LOG_ENCODING', 'POD_NAME', 'POD_IP', 'NODE_NAME', 'NODE_IP', 'A', 'B']);
    expect(env[0]).toEqual({ name: 'VCLUSTER_NAME', value: 'vc1' });
  });

  test('sets the log encoding from the logging values', () => {
    expect(syncer({ logging: { encoding: 'json' } }).env[1]).toEqual({ name: 'LOFT_LOG_ENCODING', value: 'json' });
    expect(syncer({ logging: { encoding: '' } }).env[1]).toEqual({ name: 'LOFT_LOG_ENCODING', value: 'console' });
  });

  test('writes the probe timings as given', () => {
    const container = syncer(statefulSet({
      probes: { livenessProbe: { periodSeconds: 9 }, readinessProbe: { enabled: false }, startupProbe: { failureThreshold: 350 } },
    }));
    expect(container.livenessProbe).toEqual({
      httpGet: { path: '/healthz', port: 8443, scheme: 'HTTPS' }, initialDelaySeconds: 60, periodSeconds: 9, timeoutSeconds: 3, failureThreshold: 60,
    });
    expect(container.readinessProbe).toBeUndefined();
    expect(container.startupProbe.failureThreshold).toBe(350);
  });

  test('runs the legacy plugins and then the sidecars after the syncer', () => {
    const containers = pod({
      plugin: { legacy: { image: 'l' } },
      controlPlane: { statefulSet: { sidecarContainers: [{ name: 'side', image: 's' }] } },
    }).containers;
    expect(containers.map((c: any) => c.name)).toEqual(['syncer', 'legacy', 'side']);
  });

  test('leaves out the init containers when syncing is disabled', () => {
    expect(pod({ experimental: { syncSettings: { disableSync: true } } }).initContainers).toBeUndefined();
    expect(pod().initContainers.map((c: any) => c.name)).toEqual(['kubernetes']);
  });

  test('uses the configured service account or the chart one', () => {
    expect(pod().serviceAccountName).toBe('vc-vc1');
    expect(pod({ controlPlane: { advanced: { serviceAccount: { name: 'mine' } } } }).serviceAccountName).toBe('mine');
  });

  test('passes scheduling and pod options through', () => {
    const spec = pod(statefulSet({
      runtimeClassName: 'gvisor',
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: false,
      hostAliases: [{ ip: '127.0.0.1', hostnames: ['a'] }],
      scheduling: { priorityClassName: 'high', nodeSelector: { disk: 'ssd' }, tolerations: [{ operator: 'Exists' }] },
      security: { podSecurityContext: { fsGroup: 12345 } },
    }));
    expect(spec).toMatchObject({
      runtimeClassName: 'gvisor',
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: false,
      hostAliases: [{ ip: '127.0.0.1', hostnames: ['a'] }],
      priorityClassName: 'high',
      nodeSelector: { disk: 'ssd' },
      tolerations: [{ operator: 'Exists' }],
      securityContext: { fsGroup: 12345 },
      terminationGracePeriodSeconds: 15,
    });
    expect(spec.affinity).toBeUndefined();
  });

  test('tags the syncer image with the chart version and omits an empty pull policy', () => {
    const container = syncer();
    expect(container.image).toMatch(/^ghcr\.io\/loft-sh\/vcluster-pro:\d+\.\d+\.\d+/);
    expect(container.imagePullPolicy).toBeNull();
  });
});
