import type { ImagePullPolicy, k8s } from 'cdk8s-plus-31';
import type { VClusterValues } from '../../imports/chart-versions';
import { cdk8sPlus } from './cdk8s-plus';
import { plainJson, toggle } from './fragment';
import { checkNonEmpty, checkOneOf, checkOptionalNonEmpty, fail } from './validation';

/** The local path provisioner vCluster deploys inside: a default StorageClass on the nodes' disks. */
export interface LocalPathProvisionerOptions {
  /**
   * The provisioner's image.
   * @default - vCluster's
   */
  readonly image?: string;

  /**
   * When to pull the image.
   * @default - vCluster's
   */
  readonly imagePullPolicy?: `${ImagePullPolicy}`;

  /**
   * The directory on the nodes the volumes are created in.
   * @default - vCluster's
   */
  readonly nodePath?: string;
}

/** Flannel, the CNI vCluster deploys inside (`cni.flannel`). */
export interface FlannelOptions {
  /**
   * Flannel's image.
   * @default - vCluster's
   */
  readonly image?: string;

  /**
   * The image of Flannel's init container.
   * @default - vCluster's
   */
  readonly initImage?: string;

  /**
   * When to pull the images.
   * @default - vCluster's
   */
  readonly imagePullPolicy?: `${ImagePullPolicy}`;
}

/** kube-proxy, which vCluster deploys inside. */
export interface KubeProxyOptions {
  /**
   * kube-proxy's image.
   * @default - vCluster's
   */
  readonly image?: string;

  /**
   * When to pull the image.
   * @default - vCluster's
   */
  readonly imagePullPolicy?: `${ImagePullPolicy}`;

  /**
   * The nodes kube-proxy runs on.
   * @default - every node
   */
  readonly nodeSelector?: { readonly [key: string]: string };

  /**
   * kube-proxy's PriorityClass.
   * @default - none
   */
  readonly priorityClassName?: string;

  /**
   * kube-proxy's tolerations.
   * @default - none
   */
  readonly tolerations?: k8s.Toleration[];

  /**
   * Extra environment variables of kube-proxy (`extraEnv`).
   * @default - none
   */
  readonly extraEnv?: k8s.EnvVar[];

  /**
   * Extra kube-proxy command-line flags.
   * @default - none
   */
  readonly extraArgs?: string[];

  /**
   * KubeProxyConfiguration fields merged into vCluster's, e.g. `{ mode: 'ipvs', ipvs: { scheduler: 'rr' } }`.
   * @default - vCluster's
   */
  readonly config?: { readonly [field: string]: unknown };
}

/** MetalLB, which vCluster deploys inside for LoadBalancer Services. */
export interface MetallbOptions {
  /**
   * The addresses of MetalLB's IPAddressPool: ranges ("10.0.0.1-10.0.0.100") or CIDRs (`ipAddressPool.addresses`).
   * @default - none
   */
  readonly addresses?: string[];

  /**
   * Announce the pool's addresses with an L2Advertisement (`ipAddressPool.l2Advertisement`).
   * @default true
   */
  readonly l2Advertisement?: boolean;

  /**
   * The MetalLB controller's image.
   * @default - vCluster's
   */
  readonly controllerImage?: string;

  /**
   * The MetalLB speaker's image.
   * @default - vCluster's
   */
  readonly speakerImage?: string;
}

/** An Argo CD application template of vCluster Platform. */
export interface ArgoCDApplicationTemplate {
  /** The template's name. */
  readonly name: string;

  /**
   * The template's parameters.
   * @default - none
   */
  readonly parameters?: { readonly [name: string]: unknown };
}

/** An Argo CD application vCluster Platform deploys for the virtual cluster. */
export interface ArgoCDApplication {
  /**
   * The application's stable identifier, from which the Argo CD application's name is made.
   * @default - none
   */
  readonly name?: string;

  /**
   * The application's display name.
   * @default - none
   */
  readonly displayName?: string;

  /**
   * Where the application deploys: "vCluster" (the virtual cluster) or "host".
   * @default "vCluster"
   */
  readonly target?: string;

  /**
   * An Argo CD Application definition, inline.
   * @default - none
   */
  readonly inline?: { readonly [field: string]: unknown };

  /**
   * A vCluster Platform application template to make it from.
   * @default - none
   */
  readonly template?: ArgoCDApplicationTemplate;
}

/** Argo CD applications deployed through the argoCD integration. */
export interface ArgoCDDeployOptions {
  /** The applications. */
  readonly applications: ArgoCDApplication[];
}

/**
 * What vCluster deploys inside the virtual cluster (vcluster.yaml `deploy`): with private nodes,
 * the node components (CNI, kube-proxy, storage, load balancers, metrics); and Argo CD
 * applications through vCluster Platform. The chart renders nothing for them: vCluster reads them
 * from its config.
 */
export interface DeployOptions {
  /**
   * The local path provisioner: `false` leaves it out.
   * @default true
   */
  readonly localPathProvisioner?: boolean | LocalPathProvisionerOptions;

  /**
   * Flannel as the CNI (`cni.flannel`): `false` leaves it out, for a CNI of your own.
   * @default true
   */
  readonly flannel?: boolean | FlannelOptions;

  /**
   * kube-proxy: `false` leaves it out (e.g. for a CNI that replaces it).
   * @default true
   */
  readonly kubeProxy?: boolean | KubeProxyOptions;

  /**
   * MetalLB for LoadBalancer Services.
   * @default false
   */
  readonly metallb?: boolean | MetallbOptions;

  /**
   * A metrics-server inside the virtual cluster (`metricsServer.enabled`).
   * @default false
   */
  readonly metricsServer?: boolean;

  /**
   * Argo CD applications; they need the argoCD integration (`integrations: { argoCD: ... }`).
   * @default - none
   */
  readonly argoCD?: ArgoCDDeployOptions;
}

function pullPolicy(prop: string, policy: string | undefined): string | undefined {
  const policies = Object.values(cdk8sPlus().ImagePullPolicy);
  if (policy !== undefined) checkOneOf(prop, policy, policies, `must be one of ${policies.join(', ')} (ImagePullPolicy).`);
  return policy;
}

function nonEmpty(prop: string, value: string | undefined, what: string): string | undefined {
  return checkOptionalNonEmpty(prop, value, `give ${what}, or leave it out.`);
}

/** A switch whose default is on: options leave `enabled` to the chart. */
function onByDefault<T extends object>(v: boolean | T | undefined, settings: (o: T) => object): object | undefined {
  if (v === undefined || typeof v === 'boolean') return toggle(v, () => ({}));
  return settings(v);
}

function application(a: ArgoCDApplication, i: number) {
  const prop = `deploy.argoCD.applications[${i}]`;
  if (a.target !== undefined && !['vcluster', 'host'].includes(String(a.target).toLowerCase())) {
    fail(`${prop}.target`, a.target, 'must be "vCluster" or "host".');
  }
  if (a.inline === undefined && a.template === undefined) {
    fail(prop, a, 'give the application as a template (template: { name }) or inline (an Argo CD Application).');
  }
  if (a.template !== undefined) checkNonEmpty(`${prop}.template.name`, a.template.name, 'give the application template\'s name.');
  // A list item: no key without a value (JSON drops them).
  return plainJson({
    name: a.name,
    displayName: a.displayName,
    target: a.target,
    inline: a.inline,
    template: a.template && { name: a.template.name, parameters: a.template.parameters },
  });
}

/** The `deploy` section; the argoCD applications are checked against the argoCD integration. */
export function deploySection(deploy: DeployOptions, argoCDIntegration: unknown): VClusterValues['deploy'] {
  if (deploy.argoCD !== undefined && (argoCDIntegration === undefined || argoCDIntegration === false)) {
    fail('deploy.argoCD', deploy.argoCD, 'the applications need the argoCD integration: give integrations: { argoCD: { connector } }.');
  }
  const k8s = () => cdk8sPlus().k8s;
  return {
    localPathProvisioner: onByDefault(deploy.localPathProvisioner, (o) => ({
      image: nonEmpty('deploy.localPathProvisioner.image', o.image, 'the image'),
      imagePullPolicy: pullPolicy('deploy.localPathProvisioner.imagePullPolicy', o.imagePullPolicy),
      nodePath: nonEmpty('deploy.localPathProvisioner.nodePath', o.nodePath, 'a directory on the nodes'),
    })),
    cni: {
      flannel: onByDefault(deploy.flannel, (o) => ({
        image: nonEmpty('deploy.flannel.image', o.image, 'the image'),
        initImage: nonEmpty('deploy.flannel.initImage', o.initImage, 'the image'),
        imagePullPolicy: pullPolicy('deploy.flannel.imagePullPolicy', o.imagePullPolicy),
      })),
    },
    kubeProxy: onByDefault(deploy.kubeProxy, (o) => ({
      image: nonEmpty('deploy.kubeProxy.image', o.image, 'the image'),
      imagePullPolicy: pullPolicy('deploy.kubeProxy.imagePullPolicy', o.imagePullPolicy),
      nodeSelector: o.nodeSelector && { ...o.nodeSelector },
      priorityClassName: o.priorityClassName,
      tolerations: o.tolerations?.map((t) => plainJson(k8s().toJson_Toleration(t))),
      extraEnv: o.extraEnv?.map((e) => plainJson(k8s().toJson_EnvVar(e))),
      extraArgs: o.extraArgs && [...o.extraArgs],
      config: o.config && plainJson(o.config),
    })),
    metallb: toggle(deploy.metallb, (o) => ({
      controllerImage: nonEmpty('deploy.metallb.controllerImage', o.controllerImage, 'the image'),
      speakerImage: nonEmpty('deploy.metallb.speakerImage', o.speakerImage, 'the image'),
      ipAddressPool: {
        addresses: o.addresses && o.addresses.map((a, i) => nonEmpty(`deploy.metallb.addresses[${i}]`, a, 'an address range')),
        l2Advertisement: o.l2Advertisement,
      },
    })),
    metricsServer: deploy.metricsServer === undefined ? undefined : { enabled: deploy.metricsServer },
    argoCD: deploy.argoCD && { applications: deploy.argoCD.applications.map(application) },
  };
}
