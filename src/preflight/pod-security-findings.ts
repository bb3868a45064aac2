import { HostPod } from '../analysis/quota-budget';
import { PreflightFinding } from './finding';
import { HostModel } from './host';
import { podSecurityViolations, PodSecurityViolation } from './pod-security';

/** Where the chart takes each pod's and container's security context from, by workload id. */
const SECURITY_PATHS: ReadonlyMap<string, { readonly pod: string; readonly containers: ReadonlyMap<string, string> }> = new Map([
  ['ControlPlane', {
    pod: 'controlPlane.statefulSet.security.podSecurityContext',
    containers: new Map([['syncer', 'controlPlane.statefulSet.security.containerSecurityContext'], ['kubernetes',
      'controlPlane.distro.k8s.securityContext']]),
  }],
  ['EtcdStatefulSet', {
    pod: 'controlPlane.backingStore.etcd.deploy.statefulSet.security.podSecurityContext',
    containers: new Map([['etcd', 'controlPlane.backingStore.etcd.deploy.statefulSet.security.containerSecurityContext']]),
  }],
  ['CoreDNS', {
    pod: 'controlPlane.coredns.security.podSecurityContext',
    containers: new Map([['coredns', 'controlPlane.coredns.security.containerSecurityContext']]),
  }],
]);

const CONSEQUENCE = {
  enforce: (what: string) =>
    `the API server refuses the pod, so the ${what} never starts (the controller's events say "forbidden: violates PodSecurity")`,
  warn: () => 'the pod is admitted, with a warning to whoever applies it',
  audit: () => 'the pod is admitted, and the audit log records the violation',
};

/**
 * Every pod the virtual cluster runs in the host namespace against the namespace's Pod Security
 * labels: an error for each field `enforce` refuses, a warning for each one `warn` or `audit`
 * reports (once, under the strictest mode that reports it).
 */
export function podSecurityFindings(pods: readonly HostPod[], host: HostModel): PreflightFinding[] {
  const seen = new Set<string>();
  const out: PreflightFinding[] = [];
  for (const mode of host.podSecurity) {
    for (const pod of pods) {
      for (const v of podSecurityViolations({ metadata: pod.metadata, spec: pod.spec }, mode.level, mode.minor)) {
        const key = `${pod.what}|${v.container ?? ''}|${v.field}|${v.control}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          severity: mode.mode === 'enforce' ? 'error' : 'warning',
          path: `${pod.what}: ${v.container === undefined ? 'pod' : `container ${v.container}`}: ${v.field}`,
          message: `got ${v.got}, but the host namespace "${host.namespace}" has ${mode.label}, whose control "${v.control}" ` +
            `allows ${v.allowed}: ${CONSEQUENCE[mode.mode](pod.what)}.`,
          fix: fixFor(pod, v),
          rule: mode.label,
        });
      }
    }
  }
  return out;
}

/** The values key that sets the field, and the typed prop that sets all of them for restricted. */
function fixFor(pod: HostPod, v: PodSecurityViolation): string {
  const paths = SECURITY_PATHS.get(pod.id);
  const base = !v.field.startsWith('securityContext.') ? undefined : v.container === undefined ? paths?.pod : paths?.containers.get(v.container);
  const change = base === undefined
    ? `change ${v.field} of ${v.container === undefined ? 'the pod' : `container ${v.container}`} to ${v.fix ?? v.allowed} in the values that set it`
    : v.fix === undefined ? `change ${base}.${v.field.slice('securityContext.'.length)} to ${v.allowed}`
      : `set ${base}.${v.field.slice('securityContext.'.length)}: ${v.fix}`;
  return v.level === 'restricted' && base !== undefined
    ? `Set rootless: true (its security contexts meet "restricted"), or ${change}.`
    : `${change[0].toUpperCase()}${change.slice(1)}.`;
}
