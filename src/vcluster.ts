import { ApiObject, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-31';
import { Construct, IConstruct } from 'constructs';
import { VClusterValues } from '../imports/0.36.1/vcluster-values';
import { toApiObject } from './api-objects';
import { BackingStore, backingStoreRemoteSecrets } from './props/backing-store';
import { ControlPlaneOptions } from './props/control-plane';
import { KubernetesDistroOptions } from './props/distro';
import { IngressOptions } from './props/ingress';
import { IntegrationsOptions } from './props/integrations';
import { ExportKubeConfigOptions } from './props/kube-config';
import { renderChart } from './pipeline';
import { PoliciesOptions } from './props/policies';
import { LoggingOptions } from './props/logging';
import { truthy } from './values/go-values';
import { isMap, ValueMap } from './values/value-map';
import { RootlessOptions } from './props/rootless';
import { ServiceOptions } from './props/service';
import { SyncOptions } from './props/sync';
import { hostNamespaces } from './props/sync-to-host';
import { renderInPropTerms } from './props/prop-paths';
import { typedValues } from './props/table';
import { describe, fail } from './props/validation';
import { checkApiServerLimits } from './api-server-limits';
import { namespaceAnnotations } from './argocd-annotations';
import { mergeFragments } from './props/fragment';
import { claimNamespaces } from './namespace-claims';
import { Manifest, RenderedObject } from './render/context';
import { ConfigSecret } from './secrets/config-secret';
import { ValuesError } from './values/errors';
import { DEFAULT_KUBE_VERSION } from './values/kube-version';
import { ChartVersion } from './values/chart-version';
import { QuotaBudgetLine } from './analysis/quota-budget';

/** Refuses credentials in clear; `ConfigSecret` says where they go instead. */
const DEFAULT_CONFIG_SECRET = ConfigSecret._refuseCredentials();

/** Properties of a {@link VCluster}. */
export interface VClusterProps {
  /**
   * The virtual cluster's name: Helm's release name. Names the control plane, its services and
   * its config Secret (`vc-config-<name>`).
   * @default - the construct id
   */
  readonly name?: string;

  /**
   * The host namespace the virtual cluster runs in.
   * @default - the enclosing chart's namespace, else the name
   */
  readonly namespace?: string;

  /**
   * The host cluster's Kubernetes version (`helm template --kube-version`). The chart renders
   * differently below 1.27 (no StatefulSet PVC retention policy) and from 1.35. For the
   * virtual cluster's own version, see `kubernetesVersion`.
   * @default "1.33.1"
   */
  readonly kubeVersion?: string;

  /**
   * The vCluster chart version to render, as `helm template --version`: its defaults, values
   * schema, checks and templates. `0.37.0-rc.1` is a pre-release. Props and values keys the
   * version lacks are refused, naming the nearest version that has them.
   * @default "0.36.1" (DEFAULT_CHART_VERSION, the newest stable version)
   */
  readonly chartVersion?: ChartVersion;

  /**
   * Emit the host Namespace too (what `helm install --create-namespace` does), annotated with
   * ArgoCD sync wave -1 so that ArgoCD creates it before the objects in it; in multi-namespace
   * mode also the host namespaces of `sync.toHost.namespaces`. Turn off when the namespaces are
   * managed elsewhere.
   * @default true
   */
  readonly createNamespace?: boolean;

  /**
   * Protect the emitted Namespaces from ArgoCD: `argocd.argoproj.io/sync-options:
   * Prune=false,Delete=false`, so that neither a folder that leaves git nor an Application
   * deleted with cascade deletes them, and with them every object and volume claim of the
   * virtual cluster. `false` lets ArgoCD delete them: the explicit way to delete a tenant with
   * its data (README, "Deleting a tenant safely").
   * @default true
   */
  readonly deletionProtection?: boolean;

  /**
   * The virtual cluster's Kubernetes version, e.g. "v1.32.1": the tag of the Kubernetes image
   * (ghcr.io/loft-sh/kubernetes).
   * @default - the chart's (v1.36.0)
   */
  readonly kubernetesVersion?: string;

  /**
   * The Kubernetes distro: its image, resources and components.
   * @default - the chart's
   */
  readonly distro?: KubernetesDistroOptions;

  /**
   * A registry every image is pulled from instead of its own (air-gapped installs). The
   * repositories and tags stay.
   * @default - each image's own registry
   */
  readonly defaultImageRegistry?: string;

  /**
   * The control plane's logs: their encoding and, from chart 0.37, a log file for sidecars.
   * @default - the chart's: console, to stdout only
   */
  readonly logging?: LoggingOptions;

  /**
   * Where the virtual cluster stores its state.
   * @default - the embedded database (SQLite)
   */
  readonly backingStore?: BackingStore;

  /**
   * The control plane workload.
   * @default - the chart's: one replica, running as root without privilege escalation
   */
  readonly controlPlane?: ControlPlaneOptions;

  /**
   * Run every pod as a non-root user, meeting the Pod Security Standard "restricted": `true`
   * for user 12345, or options. Explicit security contexts are merged over the rootless ones
   * and must not contradict them.
   * @default false
   */
  readonly rootless?: boolean | RootlessOptions;

  /**
   * The Service in front of the API server.
   * @default - a ClusterIP Service
   */
  readonly service?: ServiceOptions;

  /**
   * An Ingress for the API server. Its host is added to the certificate's names (`extraSans`)
   * and becomes the default server of `exportKubeConfig`.
   * @default - none
   */
  readonly ingress?: IngressOptions;

  /**
   * Extra names (host names, IP addresses) of the API server's certificate, beside the ingress
   * host.
   * @default - the ingress host only
   */
  readonly extraSans?: string[];

  /**
   * The kubeconfig the virtual cluster writes to a host Secret.
   * @default - vCluster's: Secret `vc-<name>` with server https://localhost:8443
   */
  readonly exportKubeConfig?: ExportKubeConfigOptions;

  /**
   * Operators of the host the virtual cluster reuses.
   * @default - none
   */
  readonly integrations?: IntegrationsOptions;

  /**
   * ResourceQuota, LimitRange, NetworkPolicies and Pod Security Standard.
   * @default - the chart's: none
   */
  readonly policies?: PoliciesOptions;

  /**
   * Which resources sync between the virtual cluster and the host.
   * @default - the chart's
   */
  readonly sync?: SyncOptions;

  /**
   * Workloads the vCluster applies inside the virtual cluster when it starts
   * (`experimental.deploy.vcluster.manifests`): every Kubernetes object under these constructs,
   * e.g. a cdk8s Chart of Deployments and Services. Build them before the VCluster; keep them out
   * of the host's output (e.g. in an App that is never synthesized) unless they should also be
   * applied on their own.
   * @default - none
   */
  readonly initManifests?: IConstruct[];

  /**
   * How the config Secret `vc-config-<name>` (the full values, base64-encoded only) reaches the
   * cluster. Values that hold a credential in clear (a database DSN with a password, registry
   * credentials, a Secret in the manifests, ...) are refused unless this says where the
   * credentials go: `ConfigSecret.externalSecret(...)`, `ConfigSecret.sealedSecret(...)`,
   * `ConfigSecret.bringYourOwn()`, or knowingly `ConfigSecret.plaintextInGit()`.
   * @default - the chart's Secret, for values without credentials
   */
  readonly configSecret?: ConfigSecret;

  /**
   * vcluster.yaml values, exactly as they would be passed to `helm install -f`, merged over the
   * values of the typed props (raw values win) and coalesced with the chart 0.36.1 defaults
   * the way Helm does (a `null` deletes a default). The escape hatch for what the typed props
   * do not cover.
   * @default - none
   */
  readonly values?: VClusterValues;
}

/**
 * A vCluster virtual Kubernetes cluster: the objects the vCluster Helm chart 0.36.1 renders for
 * the given values, as cdk8s ApiObjects, without helm.
 */
export class VCluster extends Construct {
  /** The release name. */
  public readonly name: string;
  /** The host namespace. */
  public readonly namespace: string;
  /** The full values the virtual cluster runs with (chart defaults coalesced with the given values). */
  public readonly values: ValueMap;
  /** Every rendered object, in Helm's install order. */
  public readonly apiObjects: readonly ApiObject[];

  /**
   * The ResourceQuota of the virtual cluster's namespace against what the virtual cluster itself
   * takes of it (control plane, etcd and CoreDNS pods, their volume claims, its services) and
   * what remains for the workloads, per quota entry; undefined when the chart renders no quota.
   */
  public readonly quotaBudget?: readonly QuotaBudgetLine[];

  public constructor(scope: Construct, id: string, props: VClusterProps = {}) {
    super(scope, id);
    this.name = props.name ?? id;
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? this.name;
    if (props.values !== undefined && !isMap(props.values)) {
      throw new ValuesError('values', `values: expected a map of vcluster.yaml values, got ${describe(props.values)}.`);
    }
    const typed = mergeFragments(typedValues(props), props.configSecret?._values() ?? {});
    const protection = (props.configSecret ?? DEFAULT_CONFIG_SECRET)._protect({ name: this.name, namespace: this.namespace }, backingStoreRemoteSecrets(props.backingStore));
    const chartOutput = renderInPropTerms(props, typed, () => renderChart({
      name: this.name,
      namespace: this.namespace,
      kubeVersion: props.kubeVersion ?? DEFAULT_KUBE_VERSION,
      chartVersion: props.chartVersion,
      values: [typed, (props.values ?? {}) as ValueMap].filter((v) => Object.keys(v).length > 0),
      substitute: (values) => protection.substitute(values),
    }));
    const result = { ...chartOutput, objects: protection.objects(chartOutput.objects) };
    checkHighAvailability(props, result.values);
    this.values = result.values;
    this.quotaBudget = result.quotaBudget;

    // The chart renders the quota and limit range only into its own namespace; in multi-namespace
    // mode every host namespace gets a copy of the same objects.
    const policed = result.objects.some((o) => o.id === 'ResourceQuota' || o.id === 'LimitRange');
    const copiedTo = hostNamespaces(props.sync?.toHost, this.name, policed).filter((ns) => ns !== this.namespace);
    const protect = props.deletionProtection ?? true;
    // The host namespaces the copies go to are emitted too (sync wave -1, before the copies):
    // vCluster creates its own only when a virtual namespace appears, and imports existing ones.
    const namespaces: RenderedObject[] = props.createNamespace ?? true ? [
      { id: 'Namespace', manifest: namespaceManifest(this.namespace, protect) },
      ...copiedTo.map((ns) => ({
        id: `Namespace-${ns}`,
        manifest: namespaceManifest(ns, protect, {
          // The labels vCluster gives the host namespaces it creates itself.
          ...props.sync?.toHost?.namespaces?.extraLabels,
          'vcluster.loft.sh/vcluster-name': this.name,
          'vcluster.loft.sh/vcluster-namespace': this.namespace,
        }),
      })),
    ] : [];
    const rendered = result.objects.flatMap((o) => [
      o,
      ...(o.id === 'ResourceQuota' || o.id === 'LimitRange'
        ? copiedTo.map((ns) => ({ id: `${o.id}-${ns}`, manifest: { ...o.manifest, metadata: { ...o.manifest.metadata, namespace: ns } } }))
        : []),
    ]);
    checkApiServerLimits([...namespaces, ...rendered].map((o) => o.manifest), this.name);
    this.apiObjects = [
      ...namespaces.map((ns) => new k8s.KubeNamespace(this, ns.id, { metadata: ns.manifest.metadata })),
      ...rendered.map((o) => toApiObject(this, o.id, o.manifest)),
    ];
    claimNamespaces(this, copiedTo);
  }

  /** The rendered object with the given construct id (e.g. "ControlPlane"), if it was rendered. */
  public findApiObject(id: string): ApiObject | undefined {
    return this.apiObjects.find((o) => o.node.id === id);
  }
}

function namespaceManifest(name: string, deletionProtection: boolean, labels?: { [key: string]: string }): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, ...(labels ? { labels } : {}), annotations: namespaceAnnotations(deletionProtection) },
  };
}

/**
 * Several control plane replicas share their state through the backing store; the embedded
 * database (SQLite) is a file of one pod. Checked on the final values, so a backing store given
 * through raw values counts too.
 */
function checkHighAvailability(props: VClusterProps, values: ValueMap): void {
  const replicas = props.controlPlane?.replicas;
  if (replicas === undefined || replicas <= 1) return;
  const store = values.controlPlane?.backingStore ?? {};
  const replicated = [store.etcd?.embedded, store.etcd?.deploy, store.etcd?.external, store.database?.external]
    .some((s) => truthy(s?.enabled));
  if (!replicated) {
    fail('controlPlane.replicas', replicas, 'several control plane replicas need a backing store they share, and the embedded database (SQLite) is not one. ' +
      'Choose backingStore: BackingStore.embeddedEtcd(), BackingStore.deployedEtcd(), BackingStore.externalEtcd(...) or BackingStore.externalDatabase(...), or set replicas to 1.');
  }
}
