import { ContainerResources, ImagePullPolicy, k8s } from 'cdk8s-plus-31';
import { Image, imageValues } from './images';
import { resourcesValues } from './quantities';
import { Distro, VClusterValues } from '../../imports/chart-versions';
import { containerSecurityValues, RootlessIds } from './rootless';
import { fail } from './validation';

/** One of the Kubernetes control plane components the distro runs. */
export interface DistroComponentOptions {
  /**
   * Whether the component runs.
   * @default - the chart's: the API server and controller manager run, the scheduler does not
   */
  readonly enabled?: boolean;

  /**
   * Extra command-line flags, e.g. ["--audit-log-maxage=30"].
   * @default - none
   */
  readonly extraArgs?: string[];
}

/**
 * The Kubernetes distribution of the virtual cluster (vcluster.yaml `controlPlane.distro.k8s`):
 * the image its binaries come from and how their containers run.
 */
export interface KubernetesDistroOptions {
  /**
   * vcluster.yaml's switch `controlPlane.distro.k8s.enabled`. vCluster runs Kubernetes whether it is set or
   * not (the switch is left from when it had several distros): it only goes into the config, and so its hash.
   * @default - not written (the chart's false); `kubernetesVersion` writes true
   */
  readonly enabled?: boolean;

  /**
   * The Kubernetes version (`controlPlane.distro.k8s.version`), e.g. "v1.34.2": used instead of the image's
   * tag (with private nodes, its "-full" variant), and the version standalone vCluster installs.
   * @default - the image's tag
   */
  readonly version?: string;

  /**
   * The image the Kubernetes binaries come from. To pin only the version, use the
   * `kubernetesVersion` prop of the VCluster instead.
   * @default - ghcr.io/loft-sh/kubernetes, tagged with the chart's Kubernetes version
   */
  readonly image?: Image;

  /**
   * When the image is pulled.
   * @default - the Kubernetes default (IfNotPresent for a fixed tag)
   */
  readonly imagePullPolicy?: `${ImagePullPolicy}`;

  /**
   * Resources of the init container that installs the Kubernetes binaries (the components then
   * run in the syncer container, sized by `controlPlane.resources`), merged entry by entry over
   * the chart's.
   * @default - the chart's: 40m CPU and 64Mi memory requested, 100m and 256Mi limits
   */
  readonly resources?: ContainerResources;

  /**
   * The security context of the init container that installs the Kubernetes binaries.
   * @default - none (with `rootless`, the rootless one)
   */
  readonly securityContext?: k8s.SecurityContext;

  /**
   * The API server.
   * @default - the chart's
   */
  readonly apiServer?: DistroComponentOptions;

  /**
   * The controller manager.
   * @default - the chart's
   */
  readonly controllerManager?: DistroComponentOptions;

  /**
   * The scheduler. Enable it to schedule virtual pods inside the virtual cluster.
   * @default - the chart's (off: the host cluster schedules)
   */
  readonly scheduler?: DistroComponentOptions;
}

/** A Kubernetes release, with a build suffix where the image has one ("v1.33.5-fips"). */
export const KUBERNETES_RELEASE = /^v?\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/;

function checkRelease(path: string, version: string): void {
  if (typeof version !== 'string' || !KUBERNETES_RELEASE.test(version)) {
    fail(path, version, 'must be a Kubernetes release such as "v1.32.1" or "1.32.1".');
  }
}

/**
 * The virtual cluster's version becomes the image tag (the tutorial pins "v1.32.1" this way)
 * rather than `distro.k8s.version`, so the same virtual cluster gives the same values either way.
 */
export function kubernetesVersionValues(kubernetesVersion: string | undefined): VClusterValues {
  if (kubernetesVersion === undefined) return {};
  checkRelease('kubernetesVersion', kubernetesVersion);
  const tag = kubernetesVersion.startsWith('v') ? kubernetesVersion : `v${kubernetesVersion}`;
  return { controlPlane: { distro: { k8s: { enabled: true, image: { tag } } } } };
}

/** The `controlPlane.distro.k8s` section; `kubernetesVersion` only to refuse a second tag. */
export function distroSection(
  distro: KubernetesDistroOptions,
  ids: RootlessIds | undefined,
  kubernetesVersion: string | undefined,
): Distro['k8s'] {
  if (kubernetesVersion !== undefined && distro.image?.tag !== undefined) {
    fail(
      'distro.image.tag',
      distro.image.tag,
      `conflicts with kubernetesVersion ${JSON.stringify(kubernetesVersion)}, which sets the tag ` + `too. Give one of them.`,
    );
  }
  if (distro.version !== undefined) {
    checkRelease('distro.version', distro.version);
    // The chart uses the version instead of the tag: a tag given too would be silently ignored.
    const tag = kubernetesVersion !== undefined
      ? `kubernetesVersion ${JSON.stringify(kubernetesVersion)}`
      : distro.image?.tag !== undefined && `distro.image.tag ${JSON.stringify(distro.image.tag)}`;
    if (tag) fail('distro.version', distro.version, `conflicts with ${tag}: the chart uses the version instead of the tag. Give one of them.`);
  }
  return {
    enabled: distro.enabled,
    version: distro.version,
    image: imageValues('distro.image', distro.image),
    imagePullPolicy: distro.imagePullPolicy,
    resources: { ...resourcesValues('distro.resources', distro.resources) },
    securityContext: containerSecurityValues('distro.securityContext', distro.securityContext, ids),
    apiServer: componentValues(distro.apiServer),
    controllerManager: componentValues(distro.controllerManager),
    scheduler: componentValues(distro.scheduler),
  };
}

function componentValues(component: DistroComponentOptions | undefined): { enabled?: boolean; extraArgs?: string[] } | undefined {
  return component && { enabled: component.enabled, extraArgs: component.extraArgs && [...component.extraArgs] };
}
