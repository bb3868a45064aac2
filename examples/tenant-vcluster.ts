import { Size, SizeRoundingBehavior } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-31';
import { Construct } from 'constructs';
import { BackingStore, ValuesError, VCluster, VClusterValues } from '../src';

/** The sizes the platform offers: the quota a team's workloads get. */
export enum TenantSize {
  /** 2 CPUs and 4Gi requested, 20 pods. */
  S = 'S',
  /** 4 CPUs and 8Gi requested, 50 pods. */
  M = 'M',
  /** 8 CPUs and 16Gi requested, 100 pods. */
  L = 'L',
}

const SIZES: Readonly<Record<TenantSize, { readonly cpu: Cpu; readonly memory: Size; readonly pods: number }>> = {
  [TenantSize.S]: { cpu: Cpu.units(2), memory: Size.gibibytes(4), pods: 20 },
  [TenantSize.M]: { cpu: Cpu.units(4), memory: Size.gibibytes(8), pods: 50 },
  [TenantSize.L]: { cpu: Cpu.units(8), memory: Size.gibibytes(16), pods: 100 },
};

/**
 * What the platform fixes for every tenant, as vcluster.yaml sections: a team's raw values may
 * not touch them. The security contexts are those rootless mode writes.
 */
const PLATFORM_OWNED: ReadonlyArray<readonly [string, string]> = [
  ['policies.networkPolicy', 'the network isolation'],
  ['controlPlane.statefulSet.security', 'rootless pods'],
  ['controlPlane.distro.k8s.securityContext', 'rootless pods'],
  ['controlPlane.backingStore.etcd.deploy.statefulSet.security', 'rootless pods'],
  ['controlPlane.coredns.security', 'rootless pods'],
  ['controlPlane.advanced.defaultImageRegistry', 'the image registry'],
];

/**
 * What a team chooses for its virtual cluster. Everything else (registry, rootless pods, backing
 * store, policies) is the platform's, so this is deliberately narrower than VClusterProps: no
 * security contexts, and raw values only outside what the platform fixes.
 */
export interface TenantVClusterProps {
  /** The team: names the virtual cluster, and its namespace `tenant-<team>`. */
  readonly team: string;

  /**
   * The size of the team's quota.
   * @default TenantSize.M
   */
  readonly size?: TenantSize;

  /**
   * CPU the team's workloads may request in total, instead of the size's. At most 16.
   * @default - the size's
   */
  readonly cpu?: Cpu;

  /**
   * Memory the team's workloads may request in total, instead of the size's. At most 32Gi.
   * @default - the size's
   */
  readonly memory?: Size;

  /**
   * A host name under tenants.example.com to reach the API server at.
   * @default - no ingress: the API server is reached through `vcluster connect`
   */
  readonly host?: string;

  /**
   * Let the team's Ingresses use the host's ingress controller.
   * @default false
   */
  readonly ingresses?: boolean;

  /**
   * The virtual cluster's Kubernetes version.
   * @default "v1.32.1"
   */
  readonly kubernetesVersion?: string;

  /**
   * Raw vcluster.yaml values for what the props do not cover. What the platform fixes (network
   * policy, security contexts, registry) is refused.
   * @default - none
   */
  readonly values?: VClusterValues;
}

const MAX_CPU_MILLIS = 16_000;
const MAX_MEMORY_GIB = 32;
const DOMAIN = '.tenants.example.com';

/**
 * The company's virtual cluster for a team: images from the internal registry, every pod
 * rootless, etcd on NFS, a quota and limit range sized by the team within the platform's caps,
 * network isolation, and the host's StorageClasses and IngressClasses. A team can still add to
 * it after construction (`addVolume`, `addExtraSan`, ...); the platform's network policy holds
 * whatever is added, as `prepareValues` checks the final values.
 */
export class TenantVCluster extends VCluster {
  /** The registry every tenant image is pulled from. */
  public static readonly REGISTRY = 'registry.example.com';

  /** The team, also a label of the control-plane pods. */
  public readonly team: string;

  public constructor(scope: Construct, id: string, props: TenantVClusterProps) {
    const size = SIZES[props.size ?? TenantSize.M];
    const cpu = props.cpu ?? size.cpu;
    const memory = props.memory ?? size.memory;
    if (cpuMillis(cpu) > MAX_CPU_MILLIS) {
      throw new ValuesError('cpu', `cpu: a team may request at most 16 CPUs; ask the platform team for more. Got "${cpu.amount}".`);
    }
    if (memory.toGibibytes({ rounding: SizeRoundingBehavior.NONE }) > MAX_MEMORY_GIB) {
      throw new ValuesError('memory', `memory: a team may request at most 32Gi; ask the platform team for more. Got "${memory.asString()}".`);
    }
    if (props.host !== undefined && !props.host.endsWith(DOMAIN)) {
      throw new ValuesError('host', `host: must be under ${DOMAIN.slice(1)}, e.g. "${props.team}${DOMAIN}". Got "${props.host}".`);
    }
    for (const [path, what] of PLATFORM_OWNED) {
      if (valueAt(props.values, path.split('.')) !== undefined) {
        throw new ValuesError(`values.${path}`, `values.${path}: the platform sets ${what} for every tenant; a team cannot change it. ` +
          'Remove it from values, or ask the platform team.');
      }
    }
    super(scope, id, {
      name: props.team,
      namespace: `tenant-${props.team}`,
      kubernetesVersion: props.kubernetesVersion ?? 'v1.32.1',
      defaultImageRegistry: TenantVCluster.REGISTRY,
      rootless: true,
      backingStore: BackingStore.deployedEtcd({ persistence: { storageClass: 'managed-nfs-storage', size: Size.gibibytes(5) } }),
      ingress: props.host === undefined ? undefined : { host: props.host, ingressClassName: 'nginx' },
      exportKubeConfig: { context: props.team },
      policies: {
        resourceQuota: {
          quota: { requestsCpu: cpu, requestsMemory: memory, pods: size.pods, objectCounts: { pods: size.pods }, servicesLoadBalancers: 0 },
        },
        limitRange: {
          default: { cpu: Cpu.millis(500), memory: Size.mebibytes(512) },
          defaultRequest: { cpu: Cpu.millis(100), memory: Size.mebibytes(128) },
        },
        networkPolicy: { publicEgress: true },
      },
      sync: {
        fromHost: { storageClasses: true, ingressClasses: true },
        toHost: { ingresses: props.ingresses ?? false },
      },
      values: props.values,
    });
    this.team = props.team;
  }

  /**
   * The final values, whatever a subclass or an add-method added: the network isolation stays
   * on, and the control-plane pods carry the team label the platform's monitoring selects by.
   */
  protected prepareValues(values: VClusterValues): VClusterValues {
    if (values.policies?.networkPolicy?.enabled !== true) {
      throw new ValuesError('policies.networkPolicy.enabled', `policies.networkPolicy.enabled: the platform isolates every tenant; got ` +
        `${JSON.stringify(values.policies?.networkPolicy?.enabled)}.`);
    }
    const statefulSet = values.controlPlane?.statefulSet;
    return {
      ...values,
      controlPlane: {
        ...values.controlPlane,
        statefulSet: { ...statefulSet, pods: { ...statefulSet?.pods, labels: { ...statefulSet?.pods?.labels, 'example.com/team': this.team } } },
      },
    };
  }
}

/** The value at the keys of a values map, if any. */
function valueAt(values: VClusterValues | undefined, keys: readonly string[]): unknown {
  return keys.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined), values);
}

function cpuMillis(cpu: Cpu): number {
  return cpu.amount.endsWith('m') ? Number(cpu.amount.slice(0, -1)) : Number(cpu.amount) * 1000;
}
