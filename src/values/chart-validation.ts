import { diagnostic } from './diagnostic';
import { Diagnostic, ValuesError } from './errors';
import { truthy } from './go-values';
import { isMap, valueAt, ValueMap } from './value-map';
import { chartHas, ChartVersion } from './chart-version';

/**
 * The checks the chart's templates make before rendering (`_validate.tpl`,
 * `_exportKubeConfig.tpl`); the backing store check lives beside the backing store logic.
 */
export function validateChartRules(values: ValueMap, version: ChartVersion): void {
  const found = chartRuleDiagnostics(values, version);
  if (found.length > 0) throw new ValuesError(found);
}

/** What `validateChartRules` refuses, as diagnostics. */
export function chartRuleDiagnostics(values: ValueMap, version: ChartVersion): Diagnostic[] {
  const out: Diagnostic[] = [];
  validateReadSections(values, out);
  validateExportKubeConfig(values, out);
  if (chartHas(version, '0.36.0')) validateRemovedVolumeSnapshotKeys(values, out);
  if (chartHas(version, '0.37.0')) {
    validateKubeVirtCsi(values, out);
    validateFileLogging(values, out);
  }
  return out;
}

const REMOVED_IN_0_36: ReadonlyArray<readonly [string, string]> = [
  ['sync.toHost', 'volumeSnapshots'],
  ['sync.toHost', 'volumeSnapshotContents'],
  ['sync.fromHost', 'volumeSnapshotClasses'],
  ['deploy', 'volumeSnapshotController'],
  ['rbac', 'enableVolumeSnapshotRules'],
];

function validateRemovedVolumeSnapshotKeys(values: ValueMap, out: Diagnostic[]): void {
  for (const [parent, key] of REMOVED_IN_0_36) {
    const holder = parent.split('.').reduce<unknown>((v, k) => (isMap(v) ? v[k] : undefined), values);
    if (isMap(holder) && key in holder) {
      out.push(diagnostic({
        path: [...parent.split('.'), key],
        value: holder[key],
        message: `was removed in vCluster 0.36.0 and is no longer supported, found ${JSON.stringify(holder[key])}.`,
        fix: 'Remove it from your values.',
      }));
    }
  }
}

/** `vcluster.kubeVirtCSI.validate` (0.37): the driver hot plugs volumes into the VMs behind private nodes. */
function validateKubeVirtCsi(values: ValueMap, out: Diagnostic[]): void {
  const kubeVirt = valueAt(values, ['deploy', 'csi', 'kubeVirt']);
  if (!isMap(kubeVirt) || !truthy(kubeVirt.enabled)) return;
  if (!truthy(valueAt(values, ['privateNodes', 'enabled']))) {
    out.push(diagnostic({
      path: ['deploy', 'csi', 'kubeVirt', 'enabled'],
      value: kubeVirt.enabled,
      message: 'the kubevirt CSI driver is only supported in private nodes mode.',
      fix: 'Set privateNodes.enabled: true, or disable the driver.',
    }));
    return;
  }
  const storageClass = isMap(kubeVirt.storageClass) ? kubeVirt.storageClass : {};
  if (truthy(storageClass.enabled) && truthy(storageClass.default) && truthy(valueAt(values, ['deploy', 'localPathProvisioner', 'enabled']))) {
    out.push(diagnostic({
      path: ['deploy', 'csi', 'kubeVirt', 'storageClass', 'default'],
      value: storageClass.default,
      subject: '',
      mentions: ['deploy.csi.kubeVirt.storageClass.default', 'deploy.localPathProvisioner.enabled'],
      message: 'deploy.csi.kubeVirt.storageClass.default and deploy.localPathProvisioner.enabled both make a default storage class.',
      fix: 'Set deploy.csi.kubeVirt.storageClass.default: false, or deploy.localPathProvisioner.enabled: false.',
    }));
  }
}

/** `vcluster.fileLogging.validate` (0.37): the chart owns the vcluster-logs volume while file logging is on. */
function validateFileLogging(values: ValueMap, out: Diagnostic[]): void {
  if (!fileLoggingEnabled(values)) return;
  const volumes = valueAt(values, ['controlPlane', 'statefulSet', 'persistence', 'addVolumes']);
  (Array.isArray(volumes) ? volumes : []).forEach((v, i) => {
    if (isMap(v) && v.name === 'vcluster-logs') {
      out.push(diagnostic({
        path: ['controlPlane', 'statefulSet', 'persistence', 'addVolumes', i],
        message: 'the volume name vcluster-logs is reserved by the chart while logging.file.enabled is true.',
        fix: 'Rename the volume.',
      }));
    }
  });
}

/** `vcluster.fileLoggingEnabled` (0.37). */
export function fileLoggingEnabled(values: ValueMap): boolean {
  return (
    truthy(valueAt(values, ['logging'])) && truthy(valueAt(values, ['logging', 'file'])) && truthy(valueAt(values, ['logging', 'file', 'enabled']))
  );
}

function validateExportKubeConfig(values: ValueMap, out: Diagnostic[]): void {
  const ekc = values.exportKubeConfig;
  if (!isMap(ekc)) return;
  const nonBlank = (v: unknown) => truthy(v) && String(v).trim() !== '';
  const secretSet = isMap(ekc.secret) && (nonBlank(ekc.secret.name) || nonBlank(ekc.secret.namespace));
  const additional: unknown[] = Array.isArray(ekc.additionalSecrets) ? ekc.additionalSecrets : [];
  if (secretSet && additional.length > 0) {
    out.push(diagnostic({
      path: ['exportKubeConfig', 'additionalSecrets'],
      subject: '',
      mentions: ['exportKubeConfig.secret', 'exportKubeConfig.additionalSecrets'],
      message: 'exportKubeConfig.secret and exportKubeConfig.additionalSecrets cannot be set at the same time.',
      fix: 'Move the secret into exportKubeConfig.additionalSecrets, or drop additionalSecrets.',
    }));
    return;
  }
  additional.forEach((s, i) => {
    if (!isMap(s) || !(nonBlank(s.name) || nonBlank(s.namespace))) {
      out.push(diagnostic({
        path: ['exportKubeConfig', 'additionalSecrets', i],
        value: s,
        message: (shown) => `additional secret must have name and/or namespace set, found ${shown}.`,
      }));
    }
  });
}

/**
 * Sections the chart's templates read into without a guard (`.Values.sync.toHost.pods.enabled`
 * and the like). A user `null` deletes a section from the defaults; Helm then fails with a nil
 * pointer error, so it is refused here, naming the section.
 */
const READ_SECTIONS: readonly string[] = [
  'controlPlane.advanced.globalMetadata', 'controlPlane.advanced.headlessService', 'controlPlane.advanced.kubeVip',
  'controlPlane.advanced.podDisruptionBudget', 'controlPlane.advanced.serviceAccount', 'controlPlane.advanced.virtualScheduler',
  'controlPlane.advanced.workloadServiceAccount', 'controlPlane.backingStore.database.embedded',
  'controlPlane.backingStore.database.external', 'controlPlane.backingStore.etcd.deploy.headlessService',
  'controlPlane.backingStore.etcd.deploy.service', 'controlPlane.backingStore.etcd.deploy.statefulSet',
  'controlPlane.backingStore.etcd.embedded', 'controlPlane.backingStore.etcd.external', 'controlPlane.coredns',
  'controlPlane.distro.k8s.image', 'controlPlane.distro.k8s.scheduler', 'controlPlane.ingress', 'controlPlane.service',
  'controlPlane.serviceMonitor', 'controlPlane.statefulSet.highAvailability', 'controlPlane.statefulSet.image',
  'controlPlane.statefulSet.persistence.volumeClaim', 'controlPlane.statefulSet.pods',
  'controlPlane.statefulSet.probes.livenessProbe', 'controlPlane.statefulSet.probes.readinessProbe',
  'controlPlane.statefulSet.probes.startupProbe', 'controlPlane.statefulSet.scheduling', 'controlPlane.statefulSet.security',
  'controlPlane.tlsRoute', 'experimental.deploy.host', 'experimental.syncSettings', 'exportKubeConfig',
  'integrations.certManager.sync.fromHost.clusterIssuers', 'integrations.certManager.sync.toHost.certificates',
  'integrations.certManager.sync.toHost.issuers', 'integrations.externalSecrets.sync.fromHost.clusterStores',
  'integrations.externalSecrets.sync.toHost.stores', 'integrations.externalSecrets.webhook', 'integrations.istio',
  'integrations.kubeVirt.webhook', 'integrations.metricsServer', 'networking.advanced.proxyKubelets',
  'networking.replicateServices', 'policies.limitRange', 'policies.networkPolicy.controlPlane',
  'policies.networkPolicy.workload.publicEgress', 'policies.resourceQuota.scopeSelector', 'privateNodes', 'rbac.clusterRole',
  'rbac.role', 'sync.fromHost.configMaps.mappings', 'sync.fromHost.csiDrivers', 'sync.fromHost.csiNodes',
  'sync.fromHost.csiStorageCapacities', 'sync.fromHost.deviceClasses', 'sync.fromHost.gatewayClasses', 'sync.fromHost.gateways',
  'sync.fromHost.ingressClasses', 'sync.fromHost.nodes', 'sync.fromHost.priorityClasses', 'sync.fromHost.runtimeClasses',
  'sync.fromHost.secrets.mappings', 'sync.fromHost.storageClasses', 'sync.toHost.endpointSlices', 'sync.toHost.endpoints',
  'sync.toHost.gatewayApi.backendTLSPolicies', 'sync.toHost.gatewayApi.gateways', 'sync.toHost.gatewayApi.httpRoutes',
  'sync.toHost.gatewayApi.referenceGrants', 'sync.toHost.gatewayApi.tlsRoutes', 'sync.toHost.ingresses',
  'sync.toHost.namespaces', 'sync.toHost.networkPolicies', 'sync.toHost.persistentVolumes', 'sync.toHost.podDisruptionBudgets',
  'sync.toHost.pods.hybridScheduling', 'sync.toHost.priorityClasses', 'sync.toHost.resourceClaimTemplates',
  'sync.toHost.resourceClaims', 'sync.toHost.serviceAccounts', 'sync.toHost.storageClasses',
];

/** A path READ_SECTIONS walks: its keys, the path it is read from (an index, -1 for the values), the section that reaches it first. */
interface ReadPath {
  readonly path: readonly string[];
  readonly parent: number;
  readonly section: string;
}

/** Every path READ_SECTIONS walks, once, parents first, in the order the sections reach them: made once, not per render. */
const READ_PATHS: readonly ReadPath[] = (() => {
  const index = new Map<string, number>();
  const paths: ReadPath[] = [];
  for (const section of READ_SECTIONS) {
    const keys = section.split('.');
    keys.forEach((_key, i) => {
      const at = keys.slice(0, i + 1).join('.');
      if (index.has(at)) return;
      index.set(at, paths.length);
      paths.push({ path: keys.slice(0, i + 1), parent: i === 0 ? -1 : index.get(keys.slice(0, i).join('.'))!, section });
    });
  }
  return paths;
})();

/** What a path below a missing section holds: nothing to report, the section is. */
const MISSING = Symbol('missing');

function validateReadSections(values: ValueMap, out: Diagnostic[]): void {
  const held: unknown[] = [];
  for (const { path, parent, section } of READ_PATHS) {
    const holder = parent < 0 ? values : held[parent];
    const next: unknown = holder === MISSING ? MISSING : isMap(holder) ? holder[path[path.length - 1]] : undefined;
    // One line per missing section: the sections inside it are missing with it.
    if (next === undefined || next === null) {
      out.push(diagnostic({
        path: [...path],
        value: next,
        message: `missing, but the chart reads settings inside it (${section}); a null in the values deletes the chart's whole section.`,
        fix: `Set the individual keys inside ${path.join('.')} instead (for example enabled: false).`,
      }));
    }
    held.push(next === undefined || next === null ? MISSING : next);
  }
}
