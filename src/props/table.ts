import { VClusterValues } from '../../imports/chart-versions';
import {
  bool, decodeBackingStore, decodeDefaultImageRegistry, decodeExtraSans,
  decodeImagePullSecrets, decodeIngress, decodeIntegrations, decodeLogging, decodePodDisruptionBudget, decodePolicies,
  decodeRootless, decodeService, decodeServiceMonitor, str,
} from './decode/candidates';
import { decodeControlPlane, decodeHostPathMapper, decodeKubeVip, decodeServiceAccount, decodeTlsRoute } from './decode/control-plane';
import { decodeDeletion } from './decode/deletion';
import { decodeDeploy } from './decode/deploy';
import { decodeDocker } from './decode/docker';
import { decodePlatform } from './decode/platform';
import { decodeDistro, decodeKubernetesVersion } from './decode/distro';
import { decodeExportKubeConfig } from './decode/kube-config';
import { decodeRbac } from './decode/rbac';
import { decodeResourceProxy } from './decode/resource-proxy';
import { decodeSleep } from './decode/sleep';
import { decodeStandalone } from './decode/standalone';
import { decodeSync } from './decode/sync';
import { decodeSyncSettings } from './decode/sync-settings';
import type { Candidate } from './decode/candidate';
import { decodeCoredns } from './decode/coredns';
import { decodeNetworking } from './decode/networking';
import { decodePrivateNodes } from './decode/private-nodes';
import { decodePlugins } from './decode/plugins';
import { decodeSnapshots } from './decode/snapshots';
import type { VClusterProps } from './vcluster-props';
import { valueAt, ValueMap } from '../values/value-map';
import { backingStoreSection } from './backing-store';
import { controlPlaneSection } from './control-plane';
import { deletionSection } from './deletion';
import { deploySection } from './deploy';
import { dockerSection } from './docker';
import { platformSection } from './platform';
import { corednsSection } from './coredns';
import { distroSection, kubernetesVersionValues } from './distro';
import { mergeFragments } from './fragment';
import { defaultImageRegistry } from './images';
import { extraSansValues, ingressSection } from './ingress';
import { hostPathMapperSection } from './host-path-mapper';
import { imagePullSecretsValues } from './image-pull-secrets';
import { endpointValue, kubeVipSection } from './kube-vip';
import { initManifestsValues } from './init-manifests';
import { loggingSection } from './logging';
import { networkingSection } from './networking';
import { integrationsSection } from './integrations';
import { exportKubeConfigSection } from './kube-config';
import { privateNodesSection } from './private-nodes';
import { podDisruptionBudgetSection } from './pod-disruption-budget';
import { policiesSection } from './policies';
import { rbacSection } from './rbac';
import { resourceProxySection } from './resource-proxy';
import { resolveRootless, RootlessIds, rootlessValues } from './rootless';
import { serviceSection } from './service';
import { serviceMonitorSection } from './service-monitor';
import { serviceAccountSection, workloadServiceAccountSection } from './service-account';
import { sleepSection } from './sleep';
import { pluginsSection } from './plugins';
import { snapshotsSection } from './snapshots';
import { standaloneSection } from './standalone';
import { syncSection } from './sync';
import { syncSettingsSection } from './sync-settings';
import { tlsRouteSection } from './tls-route';

/** Where the importer cannot give the prop from values: it keeps them as raw values. */
export const NOT_EXPRESSIBLE = 'not expressible exactly';

/** One typed prop of a VCluster: what it writes and how it is read back. */
export interface PropDefinition {
  /** The prop of VClusterProps. */
  readonly prop: keyof VClusterProps;
  /** The vcluster.yaml sections the prop writes (dotted key paths). */
  readonly writes: readonly string[];
  /**
   * The prop as a vcluster.yaml fragment; empty when the prop is not given. Checks what the
   * values cannot say (the prop's own shape); everything else is checked once, on the values.
   */
  readonly encode: (props: VClusterProps, ids: RootlessIds | undefined) => VClusterValues;
  /**
   * For the importer: the prop the user's values could have been written with (each candidate
   * is tried, see src/import/select.ts), or NOT_EXPRESSIBLE.
   */
  readonly decode: ((user: ValueMap, effective: ValueMap) => Candidate | undefined) | typeof NOT_EXPRESSIBLE;
}

/**
 * The common case of a prop: one values section (a dotted path, written once here) and its
 * value converted each way. The entry's `writes`, its fragment and what its decoder reads all
 * come from the path.
 */
interface PropMapping<P extends keyof VClusterProps> {
  readonly prop: P;
  /** The vcluster.yaml section, e.g. "controlPlane.service". */
  readonly path: string;
  /** The given prop as that section's value; undefined writes nothing. Checks what the values cannot say. */
  readonly encode: (value: NonNullable<VClusterProps[P]>, props: VClusterProps, ids: RootlessIds | undefined) => unknown;
  /** The prop the section of the user's values could have been written with (the section of the coalesced values beside). */
  readonly decode: (section: unknown, effective: unknown) => Candidate | undefined;
}

function mapped<P extends keyof VClusterProps>(m: PropMapping<P>): PropDefinition {
  const keys = m.path.split('.');
  return {
    prop: m.prop,
    writes: [m.path],
    encode: (props, ids) => {
      const value = props[m.prop];
      const section = value === undefined ? undefined : m.encode(value as NonNullable<VClusterProps[P]>, props, ids);
      return (section === undefined ? {} : keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), section)) as VClusterValues;
    },
    decode: (user, effective) => m.decode(valueAt(user, keys), valueAt(effective, keys)),
  };
}

/**
 * Every typed prop, in the order the fragments are merged, the importer tries them and its
 * programs list them. Rootless comes first: the security contexts other props give are merged
 * over its own (each refuses those that would undo it). The certificate's names and the
 * kubeconfig come before the ingress, which adds its host to both.
 */
export const PROP_TABLE: readonly PropDefinition[] = [
  {
    // Irregular: four sections (the security contexts of every pod the chart renders) from one switch.
    prop: 'rootless',
    writes: [
      'controlPlane.statefulSet.security', 'controlPlane.distro.k8s.securityContext',
      'controlPlane.backingStore.etcd.deploy.statefulSet.security', 'controlPlane.coredns.security',
    ],
    encode: (_props, ids) => rootlessValues(ids),
    decode: decodeRootless,
  },
  {
    // Irregular: two keys of a section the distro prop writes too (the tag, and the switch, which configs had on).
    prop: 'kubernetesVersion',
    writes: ['controlPlane.distro.k8s.enabled', 'controlPlane.distro.k8s.image.tag'],
    encode: (props) => kubernetesVersionValues(props.kubernetesVersion),
    decode: decodeKubernetesVersion,
  },
  mapped({
    prop: 'distro',
    path: 'controlPlane.distro.k8s',
    encode: (distro, props, ids) => distroSection(distro, ids, props.kubernetesVersion),
    decode: decodeDistro,
  }),
  mapped({
    prop: 'defaultImageRegistry',
    path: 'controlPlane.advanced.defaultImageRegistry',
    encode: (registry) => defaultImageRegistry(registry),
    decode: decodeDefaultImageRegistry,
  }),
  mapped({
    prop: 'backingStore',
    path: 'controlPlane.backingStore',
    encode: (store, _props, ids) => backingStoreSection(store, ids),
    decode: decodeBackingStore,
  }),
  mapped({
    prop: 'controlPlane',
    path: 'controlPlane.statefulSet',
    encode: (cp, _props, ids) => controlPlaneSection(cp, ids),
    decode: decodeControlPlane,
  }),
  mapped({
    prop: 'podDisruptionBudget',
    path: 'controlPlane.advanced.podDisruptionBudget',
    encode: podDisruptionBudgetSection,
    decode: decodePodDisruptionBudget,
  }),
  {
    // Irregular: two lists of Secret names, one per service account, from one options object.
    prop: 'imagePullSecrets',
    writes: ['controlPlane.advanced.serviceAccount.imagePullSecrets', 'controlPlane.advanced.workloadServiceAccount.imagePullSecrets'],
    encode: (props) => imagePullSecretsValues(props.imagePullSecrets),
    decode: decodeImagePullSecrets,
  },
  // The two sections but for their image pull secrets, which are the imagePullSecrets prop's.
  mapped({ prop: 'serviceAccount', path: 'controlPlane.advanced.serviceAccount', encode: serviceAccountSection, decode: decodeServiceAccount }),
  mapped({
    prop: 'workloadServiceAccount',
    path: 'controlPlane.advanced.workloadServiceAccount',
    encode: workloadServiceAccountSection,
    decode: decodeServiceAccount,
  }),
  mapped({ prop: 'endpoint', path: 'controlPlane.endpoint', encode: endpointValue, decode: str }),
  mapped({ prop: 'kubeVip', path: 'controlPlane.advanced.kubeVip', encode: kubeVipSection, decode: decodeKubeVip }),
  mapped({ prop: 'service', path: 'controlPlane.service', encode: serviceSection, decode: decodeService }),
  {
    // Irregular: written without the prop too, when the ingress prop adds its host to the certificate.
    prop: 'extraSans',
    writes: ['controlPlane.proxy.extraSANs'],
    encode: (props) => extraSansValues(props.extraSans, props.ingress),
    decode: decodeExtraSans,
  },
  mapped({
    prop: 'exportKubeConfig',
    path: 'exportKubeConfig',
    encode: (e, props) => exportKubeConfigSection(e, props.ingress),
    decode: decodeExportKubeConfig,
  }),
  mapped({ prop: 'ingress', path: 'controlPlane.ingress', encode: ingressSection, decode: decodeIngress }),
  mapped({ prop: 'tlsRoute', path: 'controlPlane.tlsRoute', encode: tlsRouteSection, decode: decodeTlsRoute }),
  mapped({ prop: 'serviceMonitor', path: 'controlPlane.serviceMonitor', encode: serviceMonitorSection, decode: decodeServiceMonitor }),
  mapped({ prop: 'integrations', path: 'integrations', encode: integrationsSection, decode: decodeIntegrations }),
  // After integrations: the argoCD applications need the argoCD integration.
  mapped({ prop: 'deploy', path: 'deploy', encode: (d, props) => deploySection(d, props.integrations?.argoCD), decode: decodeDeploy }),
  mapped({ prop: 'policies', path: 'policies', encode: policiesSection, decode: decodePolicies }),
  mapped({ prop: 'rbac', path: 'rbac', encode: rbacSection, decode: decodeRbac }),
  mapped({ prop: 'sync', path: 'sync', encode: syncSection, decode: decodeSync }),
  mapped({ prop: 'syncSettings', path: 'experimental.syncSettings', encode: syncSettingsSection, decode: decodeSyncSettings }),
  mapped({ prop: 'resourceProxy', path: 'experimental.proxy', encode: resourceProxySection, decode: decodeResourceProxy }),
  mapped({ prop: 'logging', path: 'logging', encode: loggingSection, decode: decodeLogging }),
  mapped({ prop: 'networking', path: 'networking', encode: networkingSection, decode: decodeNetworking }),
  // The section but for its security contexts, which are the rootless prop's.
  mapped({ prop: 'coredns', path: 'controlPlane.coredns', encode: corednsSection, decode: decodeCoredns }),
  mapped({ prop: 'hostPathMapper', path: 'controlPlane.hostPathMapper', encode: hostPathMapperSection, decode: decodeHostPathMapper }),
  mapped({ prop: 'privateNodes', path: 'privateNodes', encode: privateNodesSection, decode: decodePrivateNodes }),
  mapped({ prop: 'standalone', path: 'controlPlane.standalone', encode: standaloneSection, decode: decodeStandalone }),
  mapped({ prop: 'docker', path: 'experimental.docker', encode: dockerSection, decode: decodeDocker }),
  mapped({ prop: 'sleep', path: 'sleep', encode: sleepSection, decode: decodeSleep }),
  mapped({ prop: 'deletion', path: 'deletion', encode: deletionSection, decode: decodeDeletion }),
  mapped({ prop: 'platform', path: 'platform', encode: platformSection, decode: decodePlatform }),
  mapped({ prop: 'pro', path: 'pro', encode: (pro) => pro, decode: bool }),
  mapped({ prop: 'telemetry', path: 'telemetry.enabled', encode: (enabled) => enabled, decode: bool }),
  mapped({ prop: 'snapshots', path: 'snapshots', encode: snapshotsSection, decode: decodeSnapshots }),
  mapped({ prop: 'plugins', path: 'plugins', encode: pluginsSection, decode: decodePlugins }),
  {
    prop: 'initManifests',
    writes: ['experimental.deploy.vcluster.manifests'],
    encode: (props) => initManifestsValues(props.initManifests),
    // Irregular: the manifests are YAML text; the constructs they came from are not in the values.
    decode: NOT_EXPRESSIBLE,
  },
];

/** The typed props as one vcluster.yaml. Internal: the importer compiles its candidate props with it too. */
export function typedValues(props: VClusterProps): VClusterValues {
  const ids = resolveRootless(props.rootless);
  return mergeFragments(...PROP_TABLE.map((d) => d.encode(props, ids)));
}
