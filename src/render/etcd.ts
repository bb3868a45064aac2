import { EtcdDeploy, EtcdDeployStatefulSet } from '../../imports/chart-versions';
import { deployedEtcdEnabled, migrateFromDeployedEtcd } from './backing-store';
import { chartLabel, Manifest, mergedAnnotations, objectMetadata, RenderContext, RenderedObject } from './context';
import { goInt, interpolated, plain, quoted, quotedMap, readMap, userList } from './go-template';
import { truthy } from '../values/go-values';
import { clone, Value, ValueMap } from '../values/value-map';
import { imageName } from './images';

const ETCD_PATH = 'controlPlane.backingStore.etcd.deploy';

/** The etcd objects exist while etcd is deployed, and while the embedded etcd migrates away from it. */
function etcdDeployed(ctx: RenderContext): boolean {
  return deployedEtcdEnabled(ctx) || migrateFromDeployedEtcd(ctx);
}

function deployValues(ctx: RenderContext): EtcdDeploy {
  return ctx.values.controlPlane?.backingStore?.etcd?.deploy ?? {};
}

function etcdLabels(ctx: RenderContext): ValueMap {
  return { app: 'vcluster-etcd', chart: chartLabel(ctx), release: ctx.release.name, heritage: 'Helm' };
}

function selectorLabels(ctx: RenderContext): ValueMap {
  return { app: 'vcluster-etcd', release: ctx.release.name };
}

/** `annotations:` as the etcd templates write it: the global ones win over the object's own. */
function withAnnotations(metadata: Manifest['metadata'], ctx: RenderContext, own: Value, ownPath: string): Manifest['metadata'] {
  const annotations = mergedAnnotations(ctx, own, ownPath, 'global');
  return truthy(annotations) ? { ...metadata, annotations } : metadata;
}

const ETCD_PORTS = [
  { name: 'etcd', port: 2379, targetPort: 2379, protocol: 'TCP' },
  { name: 'peer', port: 2380, targetPort: 2380, protocol: 'TCP' },
];

/** `etcd-headless-service.yaml`: gives each etcd peer a stable DNS name. */
export function renderEtcdHeadlessService(ctx: RenderContext): RenderedObject[] {
  if (!etcdDeployed(ctx)) return [];
  const deploy = deployValues(ctx);
  return [{
    id: 'EtcdHeadlessService',
    manifest: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: withAnnotations(
        { name: `${ctx.release.name}-etcd-headless`, namespace: ctx.release.namespace, labels: etcdLabels(ctx) },
        ctx,
        deploy.headlessService?.annotations,
        `${ETCD_PATH}.headlessService.annotations`,
      ),
      spec: {
        publishNotReadyAddresses: true,
        ports: clone(ETCD_PORTS),
        clusterIP: 'None',
        selector: selectorLabels(ctx),
      },
    },
  }];
}

/** `etcd-service.yaml`: the client endpoint the control plane connects to. */
export function renderEtcdService(ctx: RenderContext): RenderedObject[] {
  if (!etcdDeployed(ctx)) return [];
  const service = deployValues(ctx).service ?? {};
  if (!truthy(service.enabled)) return [];
  return [{
    id: 'EtcdService',
    manifest: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: withAnnotations(
        { name: `${ctx.release.name}-etcd`, namespace: ctx.release.namespace, labels: etcdLabels(ctx) },
        ctx,
        service.annotations,
        `${ETCD_PATH}.service.annotations`,
      ),
      spec: {
        type: 'ClusterIP',
        ports: clone(ETCD_PORTS),
        selector: selectorLabels(ctx),
      },
    },
  }];
}

/** `etcd-statefulset.yaml`: the etcd cluster the control plane stores its state in. */
export function renderEtcdStatefulSet(ctx: RenderContext): RenderedObject[] {
  if (!etcdDeployed(ctx)) return [];
  const sts: EtcdDeployStatefulSet = deployValues(ctx).statefulSet ?? {};
  if (!truthy(sts.enabled)) return [];
  const path = `${ETCD_PATH}.statefulSet`;
  // The sections the template reads without a guard, each with the first field it reads.
  const persistence = readMap(sts.persistence, `${path}.persistence`, 'volumeClaim');
  const volumeClaim = readMap(persistence.volumeClaim, `${path}.persistence.volumeClaim`, 'retentionPolicy');
  const scheduling = readMap(sts.scheduling, `${path}.scheduling`, 'podManagementPolicy');
  readMap(sts.highAvailability, `${path}.highAvailability`, 'replicas');
  readMap(sts.pods, `${path}.pods`, 'annotations');
  readMap(sts.security, `${path}.security`, 'podSecurityContext');
  readMap(sts.image, `${path}.image`, 'registry');
  const name = ctx.release.name;

  const spec: ValueMap = {
    replicas: plain(sts.highAvailability?.replicas),
    podManagementPolicy: plain(scheduling.podManagementPolicy),
    serviceName: `${name}-etcd-headless`,
  };
  if (volumeClaim.retentionPolicy === 'Delete' && ctx.kubeVersion.minor >= 27) {
    spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Delete' };
  }
  spec.selector = { matchLabels: selectorLabels(ctx) };
  if (truthy(persistence.volumeClaimTemplates)) {
    spec.volumeClaimTemplates = clone(persistence.volumeClaimTemplates);
  } else if (truthy(volumeClaim.enabled)) {
    spec.volumeClaimTemplates = [{
      metadata: { name: 'data' },
      spec: {
        accessModes: interpolated(volumeClaim.accessModes, `${path}.persistence.volumeClaim.accessModes`),
        ...(truthy(volumeClaim.storageClass) ? { storageClassName: plain(volumeClaim.storageClass) } : {}),
        resources: { requests: { storage: plain(volumeClaim.size) } },
      },
    }];
  }

  spec.template = {
    metadata: {
      ...(truthy(sts.pods?.annotations) ? { annotations: clone(sts.pods!.annotations) } : {}),
      labels: { ...selectorLabels(ctx), ...quotedMap(sts.pods?.labels) },
    },
    spec: podSpec(ctx, sts, path),
  };

  return [{
    id: 'EtcdStatefulSet',
    manifest: {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      // User labels come after the fixed ones in the template, so they win.
      metadata: objectMetadata(ctx, { name: `${name}-etcd`, labels: etcdLabels(ctx), section: sts, path, annotationsFirst: 'global' }),
      spec,
    },
  }];
}

function podSpec(ctx: RenderContext, sts: ValueMap, path: string): ValueMap {
  const persistence = sts.persistence ?? {};
  const scheduling = sts.scheduling ?? {};
  const security = sts.security ?? {};
  const serviceAccount = ctx.values.controlPlane?.advanced?.serviceAccount?.name;

  const volumes: Value[] = [{ name: 'certs', secret: { secretName: `${ctx.release.name}-certs` } }];
  volumes.push(...userList(persistence.addVolumes, `${path}.persistence.addVolumes`));
  if (!truthy(persistence.volumeClaim?.enabled)) volumes.push({ name: 'data', emptyDir: {} });

  const spec: ValueMap = {
    terminationGracePeriodSeconds: 10,
    affinity: truthy(scheduling.affinity) ? clone(scheduling.affinity) : defaultAffinity(ctx),
  };
  if (truthy(scheduling.topologySpreadConstraints)) spec.topologySpreadConstraints = clone(scheduling.topologySpreadConstraints);
  spec.nodeSelector = clone(scheduling.nodeSelector ?? null);
  spec.tolerations = clone(scheduling.tolerations ?? null);
  spec.automountServiceAccountToken = false;
  spec.serviceAccountName = truthy(serviceAccount) ? plain(serviceAccount) : `vc-${ctx.release.name}`;
  spec.volumes = volumes;
  if (truthy(scheduling.priorityClassName)) spec.priorityClassName = plain(scheduling.priorityClassName);
  if (truthy(security.podSecurityContext)) spec.securityContext = clone(security.podSecurityContext);
  spec.enableServiceLinks = plain(sts.enableServiceLinks);
  spec.containers = [etcdContainer(ctx, sts, path)];
  return spec;
}

function etcdContainer(ctx: RenderContext, sts: ValueMap, path: string): ValueMap {
  const persistence = sts.persistence ?? {};
  const security = sts.security ?? {};
  const name = ctx.release.name;
  const headless = `${name}-etcd-headless.${ctx.release.namespace}`;
  const replicas = goInt(sts.highAvailability?.replicas);
  const members: string[] = [];
  for (let i = 0; i < replicas; i++) members.push(`${name}-etcd-${i}=https://${name}-etcd-${i}.${headless}:2380`);

  const command: Value[] = [
    'etcd',
    '--cert-file=/run/config/pki/etcd-server.crt',
    '--client-cert-auth=true',
    '--data-dir=/var/lib/etcd',
    `--advertise-client-urls=https://$(NAME).${headless}:2379`,
    `--initial-advertise-peer-urls=https://$(NAME).${headless}:2380`,
    `--initial-cluster=${members.join(',')}`,
    `--initial-cluster-token=${name}`,
    '--initial-cluster-state=new',
    '--listen-client-urls=https://0.0.0.0:2379',
    '--listen-metrics-urls=http://0.0.0.0:2381',
    '--listen-peer-urls=https://0.0.0.0:2380',
    '--key-file=/run/config/pki/etcd-server.key',
    '--name=$(NAME)',
    '--peer-cert-file=/run/config/pki/etcd-peer.crt',
    '--peer-client-cert-auth=true',
    '--peer-key-file=/run/config/pki/etcd-peer.key',
    '--peer-trusted-ca-file=/run/config/pki/etcd-ca.crt',
    '--snapshot-count=10000',
    '--trusted-ca-file=/run/config/pki/etcd-ca.crt',
  ];
  command.push(...userList(sts.extraArgs, `${path}.extraArgs`).map(quoted));

  const container: ValueMap = {
    name: 'etcd',
    image: imageName({
      defaultImageRegistry: ctx.values.controlPlane?.advanced?.defaultImageRegistry,
      registry: sts.image?.registry,
      repository: sts.image?.repository,
      tag: sts.image?.tag,
    }),
    command,
  };
  if (truthy(security.containerSecurityContext)) container.securityContext = clone(security.containerSecurityContext);
  container.env = [
    { name: 'NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ...userList(sts.env, `${path}.env`),
  ];
  container.volumeMounts = [
    { name: 'data', mountPath: '/var/lib/etcd' },
    { mountPath: '/run/config/pki', name: 'certs', readOnly: true },
    ...userList(persistence.addVolumeMounts, `${path}.persistence.addVolumeMounts`),
  ];
  container.resources = clone(sts.resources ?? null);
  container.livenessProbe = probe('/livez', 8);
  container.startupProbe = probe('/readyz', 24);
  if (truthy(sts.imagePullPolicy)) container.imagePullPolicy = plain(sts.imagePullPolicy);
  return container;
}

function probe(path: string, failureThreshold: number): ValueMap {
  return {
    httpGet: { path, port: 2381, scheme: 'HTTP' },
    initialDelaySeconds: 10,
    timeoutSeconds: 15,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold,
  };
}

/** Spreads the etcd pods over nodes, then over zones, unless the user gives an affinity. */
function defaultAffinity(ctx: RenderContext): ValueMap {
  const term = (weight: number, topologyKey: string): ValueMap => ({
    weight,
    podAffinityTerm: {
      labelSelector: {
        matchExpressions: [
          { key: 'app', operator: 'In', values: ['vcluster-etcd'] },
          { key: 'release', operator: 'In', values: [ctx.release.name] },
        ],
      },
      topologyKey,
    },
  });
  return {
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        term(100, 'kubernetes.io/hostname'),
        term(50, 'topology.kubernetes.io/zone'),
      ],
    },
  };
}
