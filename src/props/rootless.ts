import type { k8s } from 'cdk8s-plus-31';
import { cdk8sPlus } from './cdk8s-plus';
import { VClusterValues } from '../../imports/chart-versions';
import { plainJson } from './fragment';
import { ValueMap } from '../values/value-map';
import { checkWholeNumber, fail } from './validation';

/**
 * Rootless mode: every pod of the virtual cluster runs as this non-root user, without privilege
 * escalation, with all capabilities dropped and the runtime's default seccomp profile. The
 * control plane, its Kubernetes containers, deployed etcd and CoreDNS then meet the Pod
 * Security Standard "restricted".
 */
export interface RootlessOptions {
  /**
   * The user the containers run as. Not 0.
   * @default 12345
   */
  readonly user?: number;

  /**
   * The primary group the containers run as.
   * @default - the user
   */
  readonly group?: number;

  /**
   * The group that owns mounted volumes.
   * @default - the group
   */
  readonly fsGroup?: number;
}

/** The ids rootless mode runs with. */
export interface RootlessIds {
  readonly user: number;
  readonly group: number;
  readonly fsGroup: number;
}

const DEFAULT_USER = 12345;

export function resolveRootless(rootless: boolean | RootlessOptions | undefined): RootlessIds | undefined {
  if (rootless === undefined || rootless === false) return undefined;
  const options: RootlessOptions = rootless === true ? {} : rootless;
  const user = options.user ?? DEFAULT_USER;
  checkWholeNumber('rootless.user', user, 1, 'must be a whole number above 0 (0 is root); give e.g. 12345.');
  const group = options.group ?? user;
  checkWholeNumber('rootless.group', group, 0, 'must be a whole number of at least 0.');
  const fsGroup = options.fsGroup ?? group;
  checkWholeNumber('rootless.fsGroup', fsGroup, 0, 'must be a whole number of at least 0.');
  return { user, group, fsGroup };
}

const RUNTIME_DEFAULT = { type: 'RuntimeDefault' };

export function rootlessPodSecurityContext(ids: RootlessIds): ValueMap {
  return { runAsUser: ids.user, runAsGroup: ids.group, fsGroup: ids.fsGroup, runAsNonRoot: true, seccompProfile: { ...RUNTIME_DEFAULT } };
}

export function rootlessContainerSecurityContext(ids: RootlessIds): ValueMap {
  return {
    runAsUser: ids.user,
    runAsGroup: ids.group,
    runAsNonRoot: true,
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { ...RUNTIME_DEFAULT },
  };
}

/**
 * The security contexts of every pod the virtual cluster runs on the host. Etcd's are set even
 * when etcd is not deployed, so switching the backing store later keeps it rootless.
 */
export function rootlessValues(ids: RootlessIds | undefined): VClusterValues {
  if (ids === undefined) return {};
  const security = () => ({ podSecurityContext: rootlessPodSecurityContext(ids), containerSecurityContext: rootlessContainerSecurityContext(ids) });
  return {
    controlPlane: {
      statefulSet: { security: security() },
      distro: { k8s: { securityContext: rootlessContainerSecurityContext(ids) } },
      backingStore: { etcd: { deploy: { statefulSet: { security: security() } } } },
      coredns: { security: security() },
    },
  };
}

/**
 * A container security context given beside rootless must not undo it: it is merged over the
 * rootless one, so any of these would quietly make the pod privileged again.
 */
export function checkRootlessContainer(prop: string, ctx: k8s.SecurityContext | undefined): void {
  if (ctx === undefined) return;
  const why = 'contradicts rootless.';
  if (ctx.runAsUser === 0) fail(`${prop}.runAsUser`, 0, `runs the container as root, which ${why} Leave runAsUser out (rootless sets the ` +
    `user) or give a non-zero user.`);
  if (ctx.runAsNonRoot === false) fail(`${prop}.runAsNonRoot`, false, `${why} Leave runAsNonRoot out.`);
  if (ctx.allowPrivilegeEscalation === true) fail(`${prop}.allowPrivilegeEscalation`, true, `${why} Leave allowPrivilegeEscalation out.`);
  if (ctx.privileged === true) fail(`${prop}.privileged`, true, `${why} Leave privileged out, or drop rootless.`);
  const added = (ctx.capabilities?.add ?? []).filter((c) => c !== 'NET_BIND_SERVICE');
  if (added.length > 0) fail(`${prop}.capabilities.add`, ctx.capabilities?.add, `${why} Only NET_BIND_SERVICE may be added.`);
  if (ctx.capabilities?.drop !== undefined && !ctx.capabilities.drop.includes('ALL')) {
    fail(`${prop}.capabilities.drop`, ctx.capabilities.drop, `replaces rootless's [ALL], which ${why} Include "ALL" or leave drop out.`);
  }
  checkSeccomp(`${prop}.seccompProfile`, ctx.seccompProfile);
}

/** The pod-level counterpart of {@link checkRootlessContainer}. */
export function checkRootlessPod(prop: string, ctx: k8s.PodSecurityContext | undefined): void {
  if (ctx === undefined) return;
  const why = 'contradicts rootless.';
  if (ctx.runAsUser === 0) fail(`${prop}.runAsUser`, 0, `runs the pod as root, which ${why} Leave runAsUser out (rootless sets the user) or ` +
    `give a non-zero user.`);
  if (ctx.runAsNonRoot === false) fail(`${prop}.runAsNonRoot`, false, `${why} Leave runAsNonRoot out.`);
  checkSeccomp(`${prop}.seccompProfile`, ctx.seccompProfile);
}

function checkSeccomp(prop: string, profile: k8s.SeccompProfile | undefined): void {
  if (profile !== undefined && profile.type !== 'RuntimeDefault' && profile.type !== 'Localhost') {
    fail(`${prop}.type`, profile.type, 'contradicts rootless, which needs RuntimeDefault or Localhost. Leave seccompProfile out.');
  }
}

/** A typed pod security context as values, checked against rootless when it is on. */
export function podSecurityValues(prop: string, ctx: k8s.PodSecurityContext | undefined, ids: RootlessIds | undefined): ValueMap | undefined {
  if (ctx === undefined) return undefined;
  if (ids !== undefined) checkRootlessPod(prop, ctx);
  return plainJson(cdk8sPlus().k8s.toJson_PodSecurityContext(ctx));
}

/** A typed container security context as values, checked against rootless when it is on. */
export function containerSecurityValues(prop: string, ctx: k8s.SecurityContext | undefined, ids: RootlessIds | undefined): ValueMap | undefined {
  if (ctx === undefined) return undefined;
  if (ids !== undefined) checkRootlessContainer(prop, ctx);
  return plainJson(cdk8sPlus().k8s.toJson_SecurityContext(ctx));
}
