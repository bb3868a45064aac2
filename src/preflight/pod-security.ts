import { isMap, Value, ValueMap } from '../values/value-map';

/**
 * The Pod Security Standards, control by control, as the Kubernetes documentation defines them
 * ("Pod Security Standards") and the Pod Security admission controller checks them
 * (k8s.io/pod-security-admission/policy): which fields of a pod each control restricts, the values
 * it allows, and from which Kubernetes version. Windows-only exemptions and the user-namespace
 * relaxations (`hostUsers: false`) are left out: the chart's pods are Linux pods in the host's
 * user namespace.
 */

export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

/** A pod as Pod Security admission sees it: the template's metadata and spec. */
export interface PodUnderCheck {
  readonly metadata?: ValueMap;
  readonly spec: ValueMap;
}

/** One field of the pod a control does not allow. */
export interface PodSecurityViolation {
  /** The control, as the documentation names it, e.g. "Privilege Escalation". */
  readonly control: string;
  /** The lowest level that has the control. */
  readonly level: Exclude<PodSecurityLevel, 'privileged'>;
  /** The container, or undefined for a field of the pod. */
  readonly container?: string;
  /** The field, relative to the container (`securityContext.runAsNonRoot`) or the pod spec (`securityContext.sysctls`, `volumes[nfs]`). */
  readonly field: string;
  /** What the pod has there: the value as JSON, or "unset". */
  readonly got: string;
  /** What the control allows, as the documentation says it. */
  readonly allowed: string;
  /** The value that meets the control, as YAML, when one value does (`false`, `[ALL]`); else remove the field. */
  readonly fix?: string;
}

/**
 * The violations of a pod under a level, by the rules of a Kubernetes minor version (`Infinity`
 * for the newest rules): Pod Security admission's `pod-security.kubernetes.io/<mode>-version`.
 */
export function podSecurityViolations(pod: PodUnderCheck, level: PodSecurityLevel, minor: number): PodSecurityViolation[] {
  if (level === 'privileged') return [];
  const controls =
    level === 'restricted' ? [...BASELINE_KEPT_BY_RESTRICTED, ...RESTRICTED] : [...BASELINE_KEPT_BY_RESTRICTED, ...BASELINE_REPLACED_BY_RESTRICTED];
  return controls.flatMap((control) => (minor >= control.since ? control.check(pod, minor) : []));
}

interface Control {
  /** The first Kubernetes minor version (of 1.x) whose Pod Security admission has it. */
  readonly since: number;
  readonly check: (pod: PodUnderCheck, minor: number) => PodSecurityViolation[];
}

interface Container {
  readonly name: string;
  readonly c: ValueMap;
}

function containers(spec: ValueMap): Container[] {
  const list = (v: Value): ValueMap[] => (Array.isArray(v) ? v.filter(isMap) : []);
  return [...list(spec.initContainers), ...list(spec.containers), ...list(spec.ephemeralContainers)].map((c) => ({ name: String(c.name), c }));
}

const map = (v: Value): ValueMap => (isMap(v) ? v : {});
const shown = (v: Value): string => (v === undefined || v === null ? 'unset' : JSON.stringify(v));

/** A violation factory for one control. */
function violation(control: string, level: PodSecurityViolation['level'], allowed: string, fix?: string) {
  return (field: string, got: Value, container?: string): PodSecurityViolation => ({
    control, level, field, got: shown(got), allowed, ...(fix === undefined ? {} : { fix }), ...(container === undefined ? {} : { container }),
  });
}

/** Pod-level then container-level security context fields, each checked by `bad`. */
function securityContextFields(
  pod: PodUnderCheck,
  path: readonly string[],
  bad: (v: Value) => boolean,
  make: ReturnType<typeof violation>,
): PodSecurityViolation[] {
  const at = (sc: Value): Value => path.reduce<Value>((v, k) => (isMap(v) ? v[k] : undefined), sc);
  const field = `securityContext.${path.join('.')}`;
  const out: PodSecurityViolation[] = [];
  const podValue = at(pod.spec.securityContext);
  if (podValue !== undefined && podValue !== null && bad(podValue)) out.push(make(field, podValue));
  for (const { name, c } of containers(pod.spec)) {
    const v = at(c.securityContext);
    if (v !== undefined && v !== null && bad(v)) out.push(make(field, v, name));
  }
  return out;
}

// -------------------------------------------------------------------------------------------
// Baseline

const hostProcess: Control = {
  since: 0,
  check: (pod) => securityContextFields(pod, ['windowsOptions', 'hostProcess'], (v) => v === true,
    violation('HostProcess', 'baseline', 'false or unset')),
};

const hostNamespaces: Control = {
  since: 0,
  check: (pod) => {
    const make = violation('Host Namespaces', 'baseline', 'false or unset');
    return ['hostNetwork', 'hostPID', 'hostIPC'].filter((k) => pod.spec[k] === true).map((k) => make(k, true));
  },
};

const privileged: Control = {
  since: 0,
  check: (pod) => containers(pod.spec).filter(({ c }) => map(c.securityContext).privileged === true)
    .map(({ name }) => violation('Privileged Containers', 'baseline', 'false or unset')('securityContext.privileged', true, name)),
};

/** The capabilities baseline lets containers add: Docker's default set. */
const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID',
    'SYS_CHROOT',
]);

const capabilitiesBaseline: Control = {
  since: 0,
  check: (pod) => containers(pod.spec).flatMap(({ name, c }) => {
    const added = map(map(c.securityContext).capabilities).add;
    const bad = (Array.isArray(added) ? added : []).filter((cap) => !BASELINE_CAPABILITIES.has(String(cap)));
    return bad.length === 0
      ? []
      : [violation('Capabilities', 'baseline', `only ${[...BASELINE_CAPABILITIES].join(', ')} added`)('securityContext.capabilities.add', bad, name)];
  }),
};

const hostPathVolumes: Control = {
  since: 0,
  check: (pod) => volumes(pod.spec).filter((v) => v.hostPath !== undefined && v.hostPath !== null)
    .map((v) => violation('HostPath Volumes', 'baseline', 'no hostPath volume')(`volumes[${String(v.name)}].hostPath`, v.hostPath)),
};

const hostPorts: Control = {
  since: 0,
  check: (pod) => containers(pod.spec).flatMap(({ name, c }) => (Array.isArray(c.ports) ? c.ports.filter(isMap) : [])
    .filter((p) => typeof p.hostPort === 'number' && p.hostPort !== 0)
    .map((p) => violation('Host Ports', 'baseline', '0 or unset')('ports[].hostPort', p.hostPort, name))),
};

const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

const appArmor: Control = {
  since: 0,
  check: (pod) => {
    const out: PodSecurityViolation[] = [];
    const annotations = map(pod.metadata?.annotations);
    for (const [key, value] of Object.entries(annotations)) {
      if (!key.startsWith(APPARMOR_ANNOTATION)) continue;
      const v = String(value);
      if (v !== '' && v !== 'runtime/default' && !v.startsWith('localhost/')) {
        out.push(violation('AppArmor', 'baseline', 'runtime/default, localhost/* or unset')(`metadata.annotations["${key}"]`, value));
      }
    }
    out.push(...securityContextFields(pod, ['appArmorProfile', 'type'], (v) => v !== 'RuntimeDefault' && v !== 'Localhost',
      violation('AppArmor', 'baseline', 'RuntimeDefault, Localhost or unset')));
    return out;
  },
};

const seLinux: Control = {
  since: 0,
  check: (pod, minor) => {
    // container_engine_t is allowed from 1.31.
    const types = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', ...(minor >= 31 ? ['container_engine_t'] : [])]);
    return [
      ...securityContextFields(pod, ['seLinuxOptions', 'type'], (v) => !types.has(String(v)),
        violation('SELinux', 'baseline', `${[...types].filter(Boolean).join(', ')} or unset`)),
      ...['user', 'role'].flatMap((k) => securityContextFields(pod, ['seLinuxOptions', k], (v) => String(v) !== '',
        violation('SELinux', 'baseline', 'unset'))),
    ];
  },
};

const procMount: Control = {
  since: 0,
  check: (pod) =>
    containers(pod.spec)
      .filter(({ c }) => {
        const v = map(c.securityContext).procMount;
        return v !== undefined && v !== null && v !== 'Default';
      })
      .map(({ name, c }) =>
        violation('/proc Mount Type', 'baseline', 'Default or unset')('securityContext.procMount', map(c.securityContext).procMount, name),
      ),
};

const seccompBaseline: Control = {
  since: 0,
  check: (pod) => securityContextFields(pod, ['seccompProfile', 'type'], (v) => v === 'Unconfined',
    violation('Seccomp', 'baseline', 'RuntimeDefault, Localhost or unset')),
};

/** The sysctls baseline allows, by the version that added them. */
const SAFE_SYSCTLS: readonly (readonly [number, readonly string[]])[] = [
  [0, ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.tcp_syncookies',
    'net.ipv4.ping_group_range']],
  [27, ['net.ipv4.ip_local_reserved_ports']],
  [29, ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']],
  [32, ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']],
];

const sysctls: Control = {
  since: 0,
  check: (pod, minor) => {
    const allowed = new Set(SAFE_SYSCTLS.filter(([since]) => minor >= since).flatMap(([, names]) => names));
    const list = map(pod.spec.securityContext).sysctls;
    return (Array.isArray(list) ? list.filter(isMap) : []).filter((s) => !allowed.has(String(s.name)))
      .map((s) => violation('Sysctls', 'baseline', `only ${[...allowed].join(', ')}`)('securityContext.sysctls[].name', s.name));
  },
};

const gitRepoVolumes: Control = {
  since: 31,
  check: (pod) => volumes(pod.spec).filter((v) => v.gitRepo !== undefined && v.gitRepo !== null)
    .map((v) => violation('Volume Types', 'baseline', 'no gitRepo volume')(`volumes[${String(v.name)}].gitRepo`, v.gitRepo)),
};

const hostProbesAndLifecycle: Control = {
  since: 34,
  check: (pod) => containers(pod.spec).flatMap(({ name, c }) => {
    const handlers: [string, Value][] = [
      ...['livenessProbe', 'readinessProbe', 'startupProbe'].map((k): [string, Value] => [k, c[k]]),
      ...['postStart', 'preStop'].map((k): [string, Value] => [`lifecycle.${k}`, map(c.lifecycle)[k]]),
    ];
    return handlers.flatMap(([where, handler]) =>
      ['httpGet', 'tcpSocket']
        .filter((action) => typeof map(map(handler)[action]).host === 'string' && map(map(handler)[action]).host !== '')
        .map((action) =>
          violation('Probes / Lifecycle Hooks', 'baseline', '"" or unset')(`${where}.${action}.host`, map(map(handler)[action]).host, name),
        ),
    );
  }),
};

function volumes(spec: ValueMap): ValueMap[] {
  return Array.isArray(spec.volumes) ? spec.volumes.filter(isMap) : [];
}

// -------------------------------------------------------------------------------------------
// Restricted

/** The volume sources restricted allows: the core ones and those defined through PersistentVolumes. */
const RESTRICTED_VOLUME_SOURCES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected',
  'secret']);

const restrictedVolumes: Control = {
  since: 0,
  check: (pod) => volumes(pod.spec).flatMap((v) => {
    const source = Object.keys(v).find((k) => k !== 'name' && v[k] !== undefined && v[k] !== null);
    return source === undefined || RESTRICTED_VOLUME_SOURCES.has(source)
      ? []
      : [
          violation(
            'Volume Types',
            'restricted',
            `only ${[...RESTRICTED_VOLUME_SOURCES].join(', ')} volumes`,
          )(`volumes[${String(v.name)}].${source}`, v[source]),
        ];
  }),
};

const privilegeEscalation: Control = {
  since: 8,
  check: (pod) => containers(pod.spec).filter(({ c }) => map(c.securityContext).allowPrivilegeEscalation !== false)
    .map(({ name, c }) => violation('Privilege Escalation', 'restricted', 'false', 'false')('securityContext.allowPrivilegeEscalation',
      map(c.securityContext).allowPrivilegeEscalation, name)),
};

const runAsNonRoot: Control = {
  since: 0,
  check: (pod) => {
    const make = violation('Running as Non-root', 'restricted', 'true (in the container, or in the pod and not false in the container)', 'true');
    const podValue = map(pod.spec.securityContext).runAsNonRoot;
    const out: PodSecurityViolation[] = podValue === false ? [make('securityContext.runAsNonRoot', false)] : [];
    for (const { name, c } of containers(pod.spec)) {
      const v = map(c.securityContext).runAsNonRoot;
      if (v === false || ((v === undefined || v === null) && podValue !== true)) out.push(make('securityContext.runAsNonRoot', v, name));
    }
    return out;
  },
};

const runAsUser: Control = {
  since: 23,
  check: (pod) =>
    securityContextFields(
      pod,
      ['runAsUser'],
      (v) => v === 0,
      violation('Running as Non-root user', 'restricted', 'any non-zero user, or unset', 'a non-zero user, e.g. 12345'),
    ),
};

const seccompRestricted: Control = {
  since: 19,
  check: (pod) => {
    const make = violation(
      'Seccomp',
      'restricted',
      'RuntimeDefault or Localhost (in the container, or in the pod and not otherwise in the container)',
      'RuntimeDefault',
    );
    const good = (v: Value) => v === 'RuntimeDefault' || v === 'Localhost';
    const podProfile = map(pod.spec.securityContext).seccompProfile;
    const podType = map(podProfile).type;
    const out: PodSecurityViolation[] = isMap(podProfile) && !good(podType) ? [make('securityContext.seccompProfile.type', podType)] : [];
    const podSet = isMap(podProfile) && good(podType);
    for (const { name, c } of containers(pod.spec)) {
      const profile = map(c.securityContext).seccompProfile;
      if (isMap(profile) ? !good(profile.type) : !podSet)
        out.push(make('securityContext.seccompProfile.type', isMap(profile) ? profile.type : undefined, name));
    }
    return out;
  },
};

const capabilitiesRestricted: Control = {
  since: 22,
  check: (pod) => containers(pod.spec).flatMap(({ name, c }) => {
    const caps = map(map(c.securityContext).capabilities);
    const drop = Array.isArray(caps.drop) ? caps.drop : [];
    const add = (Array.isArray(caps.add) ? caps.add : []).filter((cap) => cap !== 'NET_BIND_SERVICE');
    return [
      ...(drop.includes('ALL')
        ? []
        : [violation('Capabilities', 'restricted', 'a list that includes "ALL"', '[ALL]')('securityContext.capabilities.drop', caps.drop, name)]),
      ...(add.length === 0 ? [] : [violation('Capabilities', 'restricted', 'only NET_BIND_SERVICE')('securityContext.capabilities.add', add, name)]),
    ];
  }),
};

/** Baseline controls restricted keeps as they are. */
const BASELINE_KEPT_BY_RESTRICTED: readonly Control[] = [
  hostProcess, hostNamespaces, privileged, hostPorts, appArmor, seLinux, procMount, sysctls, hostProbesAndLifecycle,
];

/** Baseline controls a stricter restricted control replaces (volumes, seccomp, capabilities). */
const BASELINE_REPLACED_BY_RESTRICTED: readonly Control[] = [capabilitiesBaseline, hostPathVolumes, gitRepoVolumes, seccompBaseline];

const RESTRICTED: readonly Control[] = [
  restrictedVolumes, privilegeEscalation, runAsNonRoot, runAsUser,
  // Below their versions, restricted still has the baseline controls they replace.
  { since: 0, check: (pod, minor) => (minor >= 19 ? [] : seccompBaseline.check(pod, minor)) },
  seccompRestricted,
  { since: 0, check: (pod, minor) => (minor >= 22 ? [] : capabilitiesBaseline.check(pod, minor)) },
  capabilitiesRestricted,
];
