import { ControlPlanePersistence, ControlPlaneProbes, ControlPlaneScheduling, ControlPlaneStatefulSet,
  VClusterValues } from '../../imports/chart-versions';
import { controlPlaneKind, volumeClaimEnabled } from './backing-store';
import { objectMetadata, RenderContext, RenderedObject } from './context';
import { goInt, mapArgument, plain, uniq, userList, userMap, withDefault } from './go-template';
import { truthy } from '../values/go-values';
import { clone, Value, ValueMap } from '../values/value-map';
import { controlPlaneImage } from './images';
import { k8sInitContainers } from './init-containers';
import { volumeClaimTemplates } from './persistence';
import { legacyPluginContainers, pluginVolumeMounts, pluginVolumes } from './plugins';
import { tplValue } from './tpl';
import { vClusterConfigHash } from '../yaml/vcluster-config-yaml';
import { diagnostic } from '../values/diagnostic';
import { ValuesError } from '../values/errors';
import { chartHas } from '../values/chart-version';
import { fileLoggingEnabled } from '../values/chart-validation';

const STS_PATH = 'controlPlane.statefulSet';

/**
 * `statefulset.yaml`: the control plane, named after the release. A StatefulSet when it keeps
 * state on a volume claim or runs embedded etcd, otherwise a Deployment.
 */
export function renderControlPlane(ctx: RenderContext): RenderedObject[] {
  const values = ctx.values;
  const sts: ControlPlaneStatefulSet = values.controlPlane?.statefulSet ?? {};
  const name = ctx.release.name;
  const kind = controlPlaneKind(ctx);

  // User labels are pasted below the chart's own, so theirs win on the same key; so do the
  // statefulSet's own annotations over the global ones.
  const metadata = objectMetadata(ctx, { name, section: sts, path: STS_PATH, annotationsFirst: 'own' });

  const spec: ValueMap = { selector: { matchLabels: { app: 'vcluster', release: name } } };
  if (kind === 'StatefulSet') {
    if (ctx.kubeVersion.minor >= 27) {
      spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: plain(sts.persistence?.volumeClaim?.retentionPolicy) };
    }
    spec.serviceName = `${name}-headless`;
    spec.podManagementPolicy = plain(sts.scheduling?.podManagementPolicy);
    const claims = volumeClaimTemplates(ctx);
    if (claims) spec.volumeClaimTemplates = claims;
  } else {
    // A single replica is replaced surge-first, so the virtual cluster never drops to zero.
    const maxUnavailable = goInt(sts.highAvailability?.replicas) === 1 ? 0 : 1;
    spec.strategy = { rollingUpdate: { maxSurge: 1, maxUnavailable }, type: 'RollingUpdate' };
  }
  spec.replicas = plain(sts.highAvailability?.replicas);
  spec.template = {
    metadata: {
      annotations: { vClusterConfigHash: vClusterConfigHash(values), ...userMap(sts.pods?.annotations, `${STS_PATH}.pods.annotations`) },
      labels: { app: 'vcluster', release: name, ...userMap(sts.pods?.labels, `${STS_PATH}.pods.labels`) },
    },
    spec: podSpec(ctx, sts),
  };

  return [{ id: 'ControlPlane', manifest: { apiVersion: 'apps/v1', kind, metadata, spec } }];
}

/**
 * The syncer's security context: the user's, plus NET_ADMIN and NET_RAW when kube-vip runs in
 * the control plane. The chart adds them in place in .Values, so Helm's config Secret (rendered
 * after this template) shows them too; undefined when the chart prints no security context.
 */
export function syncerSecurityContext(values: VClusterValues): ValueMap | undefined {
  const base = values.controlPlane?.statefulSet?.security?.containerSecurityContext;
  const kubeVip = truthy(values.controlPlane?.advanced?.kubeVip?.enabled);
  if (!truthy(base) && !kubeVip) return undefined;
  // `merge <it> dict`: with kube-vip on, a null there fails in Helm.
  const securityContext: ValueMap = clone(mapArgument(base, 'controlPlane.statefulSet.security.containerSecurityContext'));
  if (kubeVip) {
    const capabilities: ValueMap = truthy(securityContext.capabilities) ? securityContext.capabilities : {};
    const existing: Value = capabilities.add;
    if (truthy(existing) && !Array.isArray(existing)) {
      const path = 'controlPlane.statefulSet.security.containerSecurityContext.capabilities.add';
      throw new ValuesError([diagnostic({ path, value: existing, message: `expected a list of capabilities, found ` +
        `${JSON.stringify(existing)}.`, fix: 'Write it as a list, e.g. [SYS_TIME].' })]);
    }
    capabilities.add = uniq([...(truthy(existing) ? (existing as Value[]) : []), 'NET_ADMIN', 'NET_RAW']);
    securityContext.capabilities = capabilities;
  }
  return securityContext;
}

function podSpec(ctx: RenderContext, sts: ControlPlaneStatefulSet): ValueMap {
  const values = ctx.values;
  const scheduling: ControlPlaneScheduling = sts.scheduling ?? {};
  const spec: ValueMap = {};
  if (truthy(sts.hostAliases)) spec.hostAliases = clone(sts.hostAliases);
  if (truthy(sts.runtimeClassName)) spec.runtimeClassName = plain(sts.runtimeClassName);
  spec.terminationGracePeriodSeconds = 15;
  if (truthy(scheduling.priorityClassName)) spec.priorityClassName = plain(scheduling.priorityClassName);
  if (truthy(sts.security?.podSecurityContext)) spec.securityContext = clone(sts.security!.podSecurityContext);
  for (const key of ['nodeSelector', 'affinity', 'topologySpreadConstraints', 'tolerations'] as const) {
    if (truthy(scheduling[key])) spec[key] = clone(scheduling[key]);
  }
  if (truthy(sts.dnsPolicy)) spec.dnsPolicy = plain(sts.dnsPolicy);
  if (truthy(sts.dnsConfig)) spec.dnsConfig = clone(sts.dnsConfig);
  const serviceAccount = values.controlPlane?.advanced?.serviceAccount?.name;
  spec.serviceAccountName = truthy(serviceAccount) ? plain(serviceAccount) : `vc-${ctx.release.name}`;
  spec.volumes = volumes(ctx, sts);
  // The template still reads `disableSync`, which the values schema (and so VClusterValues) no longer has.
  if (!truthy((values.experimental?.syncSettings as ValueMap | undefined)?.disableSync)) spec.initContainers = k8sInitContainers(ctx);
  spec.enableServiceLinks = plain(sts.enableServiceLinks);
  spec.containers = [syncer(ctx, sts), ...legacyPluginContainers(values), ...userList(sts.sidecarContainers, `${STS_PATH}.sidecarContainers`)];
  return spec;
}

function volumes(ctx: RenderContext, sts: ControlPlaneStatefulSet): ValueMap[] {
  const persistence: ControlPlanePersistence = sts.persistence ?? {};
  const binaries = persistence.binariesVolume;
  if (!Array.isArray(binaries) || binaries.length === 0) {
    // The chart pastes this list in unconditionally; anything but a non-empty list breaks its YAML.
    const path = 'controlPlane.statefulSet.persistence.binariesVolume';
    throw new ValuesError([diagnostic({
      path,
      value: binaries,
      message: `expected a list with the volume named "binaries", found ${JSON.stringify(binaries ?? null)}.`,
      fix: 'Give one, e.g. [{name: binaries, emptyDir: {}}], or leave the key out for that default.',
    })]);
  }
  let data: ValueMap[] = [];
  if (truthy(persistence.dataVolume)) data = clone(persistence.dataVolume!);
  else if (!volumeClaimEnabled(ctx)) data = [{ name: 'data', emptyDir: {} }];
  const added = truthy(persistence.addVolumes)
    ? tplValue(persistence.addVolumes as ValueMap[], ctx, 'controlPlane.statefulSet.persistence.addVolumes')
    : [];
  return [
    ...pluginVolumes(ctx.values),
    { name: 'helm-cache', emptyDir: {} },
    ...clone(binaries),
    { name: 'tmp', emptyDir: {} },
    ...(fileLogging(ctx) ? [{ name: LOGS_VOLUME, emptyDir: { sizeLimit: '1Gi' } }] : []),
    { name: 'certs', emptyDir: {} },
    { name: 'vcluster-config', secret: { secretName: `vc-config-${ctx.release.name}` } },
    ...data,
    ...added,
  ];
}

function syncer(ctx: RenderContext, sts: ControlPlaneStatefulSet): ValueMap {
  const values = ctx.values;
  const container: ValueMap = {
    name: 'syncer',
    image: controlPlaneImage(ctx),
    imagePullPolicy: plain(sts.imagePullPolicy),
  };
  if (truthy(sts.workingDir)) container.workingDir = plain(sts.workingDir);
  if (truthy(sts.command)) container.command = clone(sts.command);
  if (truthy(sts.args)) container.args = clone(sts.args);
  const probes: ControlPlaneProbes = sts.probes ?? {};
  if (truthy(probes.livenessProbe?.enabled)) {
    container.livenessProbe = probe('/healthz', probes.livenessProbe!, [
      'initialDelaySeconds',
      'periodSeconds',
      'timeoutSeconds',
      'failureThreshold',
    ]);
  }
  if (truthy(probes.readinessProbe?.enabled)) {
    container.readinessProbe = probe('/readyz', probes.readinessProbe!, ['periodSeconds', 'timeoutSeconds', 'failureThreshold']);
  }
  if (truthy(probes.startupProbe?.enabled)) {
    container.startupProbe = probe('/readyz', probes.startupProbe!, ['periodSeconds', 'timeoutSeconds', 'failureThreshold']);
  }
  const securityContext = syncerSecurityContext(values);
  if (securityContext) container.securityContext = securityContext;
  container.resources = clone(sts.resources);
  container.env = [
    { name: 'VCLUSTER_NAME', value: ctx.release.name },
    ...(truthy(values.logging) ? [
      { name: 'LOFT_LOG_ENCODING', value: plain(withDefault('console', values.logging?.encoding)) },
      ...(fileLogging(ctx) ? [{ name: 'LOFT_LOG_FILE', value: `${LOGS_DIR}/vcluster.log` }] : []),
    ] : []),
    fieldEnv('POD_NAME', 'metadata.name'),
    fieldEnv('POD_IP', 'status.podIP'),
    fieldEnv('NODE_NAME', 'spec.nodeName'),
    fieldEnv('NODE_IP', 'status.hostIP'),
    ...userList(sts.env, `${STS_PATH}.env`),
    ...userList(values.controlPlane?.distro?.k8s?.env, 'controlPlane.distro.k8s.env'),
  ];
  container.volumeMounts = [
    ...pluginVolumeMounts(values),
    { name: 'data', mountPath: '/data' },
    { name: 'binaries', mountPath: '/binaries' },
    { name: 'certs', mountPath: '/pki' },
    { name: 'helm-cache', mountPath: '/.cache/helm' },
    { name: 'vcluster-config', mountPath: '/var/lib/vcluster' },
    { name: 'tmp', mountPath: '/tmp' },
    ...(fileLogging(ctx) ? [{ name: LOGS_VOLUME, mountPath: LOGS_DIR }] : []),
    ...userList(sts.persistence?.addVolumeMounts, `${STS_PATH}.persistence.addVolumeMounts`),
  ];
  return container;
}

/** File logging (0.37): the syncer logs to a file on a volume of its own, besides stdout. */
const LOGS_VOLUME = 'vcluster-logs';
const LOGS_DIR = '/var/log/vcluster';

function fileLogging(ctx: RenderContext): boolean {
  return chartHas(ctx.chartVersion, '0.37.0') && fileLoggingEnabled(ctx.values as ValueMap);
}

/** The syncer serves its health endpoints over HTTPS on 8443; the values only tune the timing. */
function probe(path: string, settings: ValueMap, fields: readonly string[]): ValueMap {
  const out: ValueMap = { httpGet: { path, port: 8443, scheme: 'HTTPS' } };
  for (const field of fields) out[field] = plain(settings[field]);
  return out;
}

function fieldEnv(name: string, fieldPath: string): ValueMap {
  return { name, valueFrom: { fieldRef: { fieldPath } } };
}
