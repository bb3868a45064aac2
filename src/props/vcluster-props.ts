import type { IConstruct } from 'constructs';
import type { VClusterValues } from '../../imports/chart-versions';
import type { BackingStore } from './backing-store';
import type { ConfigSecret } from './config-secret';
import type { DeletionOptions } from './deletion';
import type { DeployOptions } from './deploy';
import type { DockerOptions } from './docker';
import type { PlatformOptions } from './platform';
import type { ControlPlaneOptions } from './control-plane';
import type { CorednsOptions } from './coredns';
import type { KubernetesDistroOptions } from './distro';
import type { ExportKubeConfigOptions } from './kube-config';
import type { HostPathMapperOptions } from './host-path-mapper';
import type { KubeVipOptions } from './kube-vip';
import type { ImagePullSecretsOptions } from './image-pull-secrets';
import type { IngressOptions } from './ingress';
import type { IntegrationsOptions } from './integrations';
import type { LoggingOptions } from './logging';
import type { NetworkingOptions } from './networking';
import type { PodDisruptionBudgetOptions } from './pod-disruption-budget';
import type { PoliciesOptions } from './policies';
import type { PrivateNodesOptions } from './private-nodes';
import type { RbacOptions } from './rbac';
import type { ResourceProxyOptions } from './resource-proxy';
import type { RootlessOptions } from './rootless';
import type { ServiceOptions } from './service';
import type { ServiceAccountOptions } from './service-account';
import type { ServiceMonitorOptions } from './service-monitor';
import type { SleepOptions } from './sleep';
import type { StandaloneOptions } from './standalone';
import type { PluginOptions } from './plugins';
import type { SnapshotsOptions } from './snapshots';
import type { SyncOptions } from './sync';
import type { SyncSettingsOptions } from './sync-settings';
import type { TlsRouteOptions } from './tls-route';
import type { HostOptions } from '../preflight/host';
import type { ChartVersion } from '../values/chart-version';

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
   * The host cluster's Kubernetes version (`helm template --kube-version`), without a "v":
   * "1.33.1". The chart renders differently below 1.27 (no StatefulSet PVC retention policy) and
   * from 1.35. The virtual cluster's own version is `kubernetesVersion` ("v1.32.1"); a
   * "v"-prefixed kubeVersion is refused, as it is most often meant as that one.
   * @default "1.33.1"
   */
  readonly kubeVersion?: string;

  /**
   * The host cluster as far as it decides what it admits: the host namespace's Pod Security labels,
   * LimitRanges and ResourceQuotas (`kubectl get` output, see `hostObjectsFromYaml`) and its
   * Kubernetes version. The pre-flight checks every pod, quota and limit against them: what the
   * host would refuse throws when the virtual cluster renders; what it lets in but fails later is a
   * warning (`preflightWarnings`, and the construct's `warning` metadata).
   * @default - none: only what needs no host is checked (the chart's own quota and limit range, license-only features)
   */
  readonly host?: HostOptions;

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
   * A PodDisruptionBudget for the control-plane pods: `true`, or how many must stay available
   * (worth it with several replicas).
   * @default - none
   */
  readonly podDisruptionBudget?: boolean | PodDisruptionBudgetOptions;

  /**
   * Image pull secrets of the control plane's and the workload service accounts (air-gapped
   * installs with a private registry).
   * @default - none
   */
  readonly imagePullSecrets?: ImagePullSecretsOptions;

  /**
   * The control plane's ServiceAccount: its name, whether the chart creates it, its labels and
   * annotations (`controlPlane.advanced.serviceAccount`).
   * @default - the chart's: `vc-<name>`, created
   */
  readonly serviceAccount?: ServiceAccountOptions;

  /**
   * The ServiceAccount of the pods synced to the host namespace
   * (`controlPlane.advanced.workloadServiceAccount`); vCluster ignores it when ServiceAccounts
   * are synced to the host.
   * @default - the chart's: `vc-workload-<name>`, created
   */
  readonly workloadServiceAccount?: ServiceAccountOptions;

  /**
   * The address private nodes and clients reach the control plane at, as host:port, e.g.
   * "10.100.0.100:8443" (`controlPlane.endpoint`). vCluster adds its host to the certificate's
   * names, and takes it only with private nodes.
   * @default - the control plane's Service
   */
  readonly endpoint?: string;

  /**
   * Embedded kube-vip, announcing the `endpoint`'s IP on layer 2 for private nodes on the same
   * network (`controlPlane.advanced.kubeVip`): `true`, or the interface and gateway.
   * @default false
   */
  readonly kubeVip?: boolean | KubeVipOptions;

  /**
   * The Service in front of the API server.
   * @default - a ClusterIP Service
   */
  readonly service?: ServiceOptions;

  /**
   * An Ingress for the API server. Its host is added to the certificate's names (`extraSans`;
   * `extraSan: false` leaves that to vCluster) and becomes the default server of `exportKubeConfig`.
   * @default - none
   */
  readonly ingress?: IngressOptions;

  /**
   * A Gateway API TLSRoute for the API server, through Gateways that pass TLS through
   * (`controlPlane.tlsRoute`). Its host is not added to the certificate's names: give it in `extraSans`.
   * @default - none
   */
  readonly tlsRoute?: TlsRouteOptions;

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
   * A Prometheus Operator ServiceMonitor for the control plane's metrics: `true`, or its labels
   * and annotations.
   * @default - none
   */
  readonly serviceMonitor?: boolean | ServiceMonitorOptions;

  /**
   * Operators of the host the virtual cluster reuses.
   * @default - none
   */
  readonly integrations?: IntegrationsOptions;

  /**
   * What vCluster deploys inside the virtual cluster: with private nodes, its CNI (Flannel),
   * kube-proxy, local path provisioner, MetalLB and metrics-server; Argo CD applications through
   * the argoCD integration (vcluster.yaml `deploy`).
   * @default - the chart's: Flannel, kube-proxy and the local path provisioner
   */
  readonly deploy?: DeployOptions;

  /**
   * ResourceQuota, LimitRange, NetworkPolicies and Pod Security Standard.
   * @default - the chart's: none
   */
  readonly policies?: PoliciesOptions;

  /**
   * The control plane's permissions on the host: extra rules of its Role and ClusterRole, rules
   * of your own instead of the chart's, or neither role created.
   * @default - the chart's: the Role, and the ClusterRole when a feature needs it
   */
  readonly rbac?: RbacOptions;

  /**
   * Which resources sync between the virtual cluster and the host.
   * @default - the chart's
   */
  readonly sync?: SyncOptions;

  /**
   * Settings of vCluster's syncer (`experimental.syncSettings`): the owner reference it sets on
   * synced objects, and where its managers serve metrics.
   * @default - the chart's: owner references set, no metrics
   */
  readonly syncSettings?: SyncSettingsOptions;

  /**
   * vCluster's Resource Proxy (vCluster Platform): custom resources whose requests go to another
   * virtual cluster (`experimental.proxy`).
   * @default - none
   */
  readonly resourceProxy?: ResourceProxyOptions;

  /**
   * The virtual cluster's network: Services replicated to and from the host, extra DNS rules,
   * its CIDRs, cluster domain and kubelet proxying.
   * @default - the chart's
   */
  readonly networking?: NetworkingOptions;

  /**
   * The virtual cluster's DNS: CoreDNS as a Deployment inside it (replicas, resources, placement,
   * Service), embedded in the control plane, or with a Corefile or manifests of one's own.
   * @default - the chart's: one CoreDNS pod
   */
  readonly coredns?: CorednsOptions;

  /**
   * Private nodes: nodes of the virtual cluster's own that join its control plane, instead of
   * pods synced to the host's nodes. `true`, or options (which switch them on): the kubelet,
   * the join, upgrades, the VPN and auto nodes from vCluster Platform's node providers.
   * @default false
   */
  readonly privateNodes?: boolean | PrivateNodesOptions;

  /**
   * Let vCluster use the HostPath Mapper (deployed from its own chart, or vCluster Platform's
   * central one), which gives log collectors the virtual names of synced pods' log paths
   * (`controlPlane.hostPathMapper`): `true`, or `{ central: true }`.
   * @default false
   */
  readonly hostPathMapper?: boolean | HostPathMapperOptions;

  /**
   * vCluster Standalone: the control plane as a binary on a node of its own, which reads these
   * settings from its config (`controlPlane.standalone`): `true`, or options.
   * @default - off (the chart's)
   */
  readonly standalone?: boolean | StandaloneOptions;

  /**
   * vCluster in Docker (vind; `experimental.docker`), read by the vcluster CLI with the Docker
   * driver: the containers' image, ports, volumes, environment and `docker run` arguments, the
   * network, worker nodes, the registry proxy and load balancers.
   * @default - the chart's: the registry proxy and load balancers on, no worker nodes
   */
  readonly docker?: DockerOptions;

  /**
   * Sleep mode: the virtual cluster's workloads are scaled down after a time without activity or
   * on a schedule (vcluster.yaml `sleep.auto`).
   * @default - never asleep
   */
  readonly sleep?: SleepOptions;

  /**
   * Deletion of the virtual cluster by vCluster Platform: prevented, or after a time without
   * activity (vcluster.yaml `deletion`). The host namespaces' protection from ArgoCD is
   * `deletionProtection`.
   * @default - the chart's: neither
   */
  readonly deletion?: DeletionOptions;

  /**
   * vCluster Platform: the Secret with its access key and the project (vcluster.yaml `platform`).
   * @default - the key in vcluster-platform-api-key of the virtual cluster's namespace, if any
   */
  readonly platform?: PlatformOptions;

  /**
   * vCluster Pro (`pro`): the switch older vCluster read; vCluster now infers it from the license
   * (its schema says not to use it any more), but configs still carry it.
   * @default false
   */
  readonly pro?: boolean;

  /**
   * Whether the control plane sends vCluster's anonymous usage telemetry (`telemetry.enabled`).
   * @default true (the chart's)
   */
  readonly telemetry?: boolean;

  /**
   * Snapshots of the virtual cluster taken on a schedule, their retention and storage
   * (vcluster.yaml `snapshots`); the storage's credentials from a Secret or a RemoteSecret.
   * @default - none
   */
  readonly snapshots?: SnapshotsOptions;

  /**
   * vCluster plugins by name (vcluster.yaml `plugins`): each one's image, copied by an init
   * container of the control plane, its container settings, the rules it adds to the control
   * plane's roles and its configuration.
   * @default - none
   */
  readonly plugins?: { readonly [name: string]: PluginOptions };

  /**
   * Workloads the vCluster applies inside the virtual cluster when it starts
   * (`experimental.deploy.vcluster.manifests`): every Kubernetes object under these constructs,
   * e.g. a cdk8s Chart of Deployments and Services, as they are when the virtual cluster renders
   * (more with `addInitManifests`). Keep them out of the host's output (e.g. in an App that is
   * never synthesized) unless they should also be applied on their own.
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
   * Credentials in clear that the output guard lets through, knowingly: each location as the
   * guard's refusal names it, `Kind/name:path`, e.g.
   * `"StatefulSet/vc1:spec.template.spec.containers[0].env[0].value"`. For a value that only
   * looks like a credential, or a deliberate choice; `ConfigSecret.plaintextInGit()` turns the
   * guard off altogether.
   * @default - none: every credential in clear is refused
   */
  readonly allowInOutput?: string[];

  /**
   * vcluster.yaml values, exactly as they would be passed to `helm install -f`, merged over the
   * values of the typed props (raw values win) and coalesced with the defaults of `chartVersion`
   * the way Helm does (a `null` deletes a default). The escape hatch for what the typed props
   * do not cover. Typed for every chart version rendered here: a key the chosen version lacks
   * compiles and is refused when the virtual cluster renders, naming the version that has it.
   * @default - none
   */
  readonly values?: VClusterValues;
}
