import { VClusterValues } from '../../imports/chart-versions';
import {
  decodeBackingStore, decodeControlPlane, decodeDefaultImageRegistry, decodeDistro, decodeExportKubeConfig, decodeExtraSans,
  decodeImagePullSecrets, decodeIngress, decodeIntegrations, decodeKubernetesVersion, decodeLogging, decodePodDisruptionBudget, decodePolicies,
  decodeRootless, decodeService, decodeServiceMonitor, decodeSync,
} from './decode/candidates';
import type { Candidate } from './decode/candidate';
import type { VClusterProps } from './vcluster-props';
import { ValueMap } from '../values/value-map';
import { backingStoreValues } from './backing-store';
import { controlPlaneValues } from './control-plane';
import { distroValues, kubernetesVersionValues } from './distro';
import { mergeFragments } from './fragment';
import { defaultImageRegistryValues } from './images';
import { extraSansValues, ingressValues } from './ingress';
import { imagePullSecretsValues } from './image-pull-secrets';
import { initManifestsValues } from './init-manifests';
import { loggingValues } from './logging';
import { integrationsValues } from './integrations';
import { exportKubeConfigValues } from './kube-config';
import { podDisruptionBudgetValues } from './pod-disruption-budget';
import { policiesValues } from './policies';
import { resolveRootless, RootlessIds, rootlessValues } from './rootless';
import { serviceValues } from './service';
import { serviceMonitorValues } from './service-monitor';
import { syncValues } from './sync';

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
 * Every typed prop, in the order the fragments are merged, the importer tries them and its
 * programs list them. Rootless comes first: the security contexts other props give are merged
 * over its own (each refuses those that would undo it). The certificate's names and the
 * kubeconfig come before the ingress, which adds its host to both.
 */
export const PROP_TABLE: readonly PropDefinition[] = [
  {
    prop: 'rootless',
    writes: [
      'controlPlane.statefulSet.security', 'controlPlane.distro.k8s.securityContext',
      'controlPlane.backingStore.etcd.deploy.statefulSet.security', 'controlPlane.coredns.security',
    ],
    encode: (_props, ids) => rootlessValues(ids),
    decode: decodeRootless,
  },
  {
    prop: 'kubernetesVersion',
    writes: ['controlPlane.distro.k8s.enabled', 'controlPlane.distro.k8s.image.tag'],
    encode: (props) => kubernetesVersionValues(props.kubernetesVersion),
    decode: decodeKubernetesVersion,
  },
  {
    prop: 'distro',
    writes: ['controlPlane.distro.k8s'],
    encode: (props, ids) => distroValues(props.distro, ids, props.kubernetesVersion),
    decode: decodeDistro,
  },
  {
    prop: 'defaultImageRegistry',
    writes: ['controlPlane.advanced.defaultImageRegistry'],
    encode: (props) => defaultImageRegistryValues(props.defaultImageRegistry),
    decode: decodeDefaultImageRegistry,
  },
  {
    prop: 'backingStore',
    writes: ['controlPlane.backingStore'],
    encode: (props, ids) => backingStoreValues(props.backingStore, ids),
    decode: decodeBackingStore,
  },
  {
    prop: 'controlPlane',
    writes: ['controlPlane.statefulSet'],
    encode: (props, ids) => controlPlaneValues(props.controlPlane, ids),
    decode: decodeControlPlane,
  },
  {
    prop: 'podDisruptionBudget',
    writes: ['controlPlane.advanced.podDisruptionBudget'],
    encode: (props) => podDisruptionBudgetValues(props.podDisruptionBudget),
    decode: decodePodDisruptionBudget,
  },
  {
    prop: 'imagePullSecrets',
    writes: ['controlPlane.advanced.serviceAccount.imagePullSecrets', 'controlPlane.advanced.workloadServiceAccount.imagePullSecrets'],
    encode: (props) => imagePullSecretsValues(props.imagePullSecrets),
    decode: decodeImagePullSecrets,
  },
  {
    prop: 'service',
    writes: ['controlPlane.service'],
    encode: (props) => serviceValues(props.service),
    decode: decodeService,
  },
  {
    prop: 'extraSans',
    writes: ['controlPlane.proxy.extraSANs'],
    encode: (props) => extraSansValues(props.extraSans, props.ingress),
    decode: decodeExtraSans,
  },
  {
    prop: 'exportKubeConfig',
    writes: ['exportKubeConfig'],
    encode: (props) => exportKubeConfigValues(props.exportKubeConfig, props.ingress),
    decode: decodeExportKubeConfig,
  },
  {
    prop: 'ingress',
    writes: ['controlPlane.ingress'],
    encode: (props) => ingressValues(props.ingress),
    decode: decodeIngress,
  },
  {
    prop: 'serviceMonitor',
    writes: ['controlPlane.serviceMonitor'],
    encode: (props) => serviceMonitorValues(props.serviceMonitor),
    decode: decodeServiceMonitor,
  },
  {
    prop: 'integrations',
    writes: ['integrations'],
    encode: (props) => integrationsValues(props.integrations),
    decode: decodeIntegrations,
  },
  {
    prop: 'policies',
    writes: ['policies'],
    encode: (props) => policiesValues(props.policies),
    decode: decodePolicies,
  },
  {
    prop: 'sync',
    writes: ['sync'],
    encode: (props) => syncValues(props.sync),
    decode: decodeSync,
  },
  {
    prop: 'logging',
    writes: ['logging'],
    encode: (props) => loggingValues(props.logging),
    decode: decodeLogging,
  },
  {
    prop: 'initManifests',
    writes: ['experimental.deploy.vcluster.manifests'],
    encode: (props) => initManifestsValues(props.initManifests),
    // The manifests are YAML text; the constructs they came from are not in the values.
    decode: NOT_EXPRESSIBLE,
  },
];

/** The typed props as one vcluster.yaml. Internal: the importer compiles its candidate props with it too. */
export function typedValues(props: VClusterProps): VClusterValues {
  const ids = resolveRootless(props.rootless);
  return mergeFragments(...PROP_TABLE.map((d) => d.encode(props, ids)));
}
