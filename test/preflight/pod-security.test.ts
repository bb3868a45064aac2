import { podSecurityViolations, PodUnderCheck } from '../../src/preflight/pod-security';
import { ValueMap } from '../../src/values/value-map';

/**
 * Expectations from the Kubernetes documentation's "Pod Security Standards" tables: for each
 * control, a value the table allows and one it does not, on a pod that otherwise meets the level.
 */

/** A pod that meets "restricted" (and so "baseline"): the documentation's minimum. */
function pod(
  podSc: ValueMap = {},
  containerSc: ValueMap = {},
  more: { spec?: ValueMap; container?: ValueMap; metadata?: ValueMap } = {},
): PodUnderCheck {
  return {
    metadata: more.metadata ?? {},
    spec: {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' }, ...podSc },
      containers: [
        {
          name: 'app',
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, ...containerSc },
          ...more.container,
        },
      ],
      ...more.spec,
    },
  };
}

const LATEST = Infinity;
const controls = (p: PodUnderCheck, level: 'baseline' | 'restricted', minor = LATEST) =>
  podSecurityViolations(p, level, minor).map((v) => `${v.control}: ${v.container ?? 'pod'}: ${v.field} = ${v.got}`);

describe('Pod Security Standards, baseline', () => {
  test('a pod meeting restricted meets baseline too', () => {
    expect(controls(pod(), 'baseline')).toEqual([]);
    expect(controls(pod(), 'restricted')).toEqual([]);
  });

  test('HostProcess: hostProcess true is refused, false allowed', () => {
    expect(controls(pod({ windowsOptions: { hostProcess: false } }), 'baseline')).toEqual([]);
    expect(controls(pod({}, { windowsOptions: { hostProcess: true } }), 'baseline')).toEqual([
      'HostProcess: app: securityContext.windowsOptions.hostProcess = true',
    ]);
  });

  test('Host Namespaces: hostNetwork, hostPID and hostIPC must be false or unset', () => {
    expect(controls(pod({}, {}, { spec: { hostNetwork: false } }), 'baseline')).toEqual([]);
    expect(controls(pod({}, {}, { spec: { hostNetwork: true, hostPID: true, hostIPC: true } }), 'baseline')).toEqual([
      'Host Namespaces: pod: hostNetwork = true', 'Host Namespaces: pod: hostPID = true', 'Host Namespaces: pod: hostIPC = true',
    ]);
  });

  test('Privileged Containers: privileged must be false or unset', () => {
    expect(controls(pod({}, { privileged: false }), 'baseline')).toEqual([]);
    expect(controls(pod({}, { privileged: true }), 'baseline')).toEqual(['Privileged Containers: app: securityContext.privileged = true']);
  });

  test('Capabilities: only the default set may be added', () => {
    expect(controls(pod({}, { capabilities: { add: ['CHOWN', 'NET_BIND_SERVICE', 'SYS_CHROOT'] } }), 'baseline')).toEqual([]);
    expect(controls(pod({}, { capabilities: { add: ['NET_ADMIN', 'CHOWN'] } }), 'baseline'))
      .toEqual(['Capabilities: app: securityContext.capabilities.add = ["NET_ADMIN"]']);
  });

  test('HostPath Volumes: hostPath volumes are refused', () => {
    expect(controls(pod({}, {}, { spec: { volumes: [{ name: 'data', emptyDir: {} }] } }), 'baseline')).toEqual([]);
    expect(controls(pod({}, {}, { spec: { volumes: [{ name: 'root', hostPath: { path: '/' } }] } }), 'baseline'))
      .toEqual(['HostPath Volumes: pod: volumes[root].hostPath = {"path":"/"}']);
  });

  test('Host Ports: hostPort must be 0 or unset', () => {
    expect(controls(pod({}, {}, { container: { ports: [{ containerPort: 80, hostPort: 0 }] } }), 'baseline')).toEqual([]);
    expect(controls(pod({}, {}, { container: { ports: [{ containerPort: 80, hostPort: 8080 }] } }), 'baseline'))
      .toEqual(['Host Ports: app: ports[].hostPort = 8080']);
  });

  test('AppArmor: only RuntimeDefault, Localhost or unset; annotations runtime/default or localhost/*', () => {
    expect(
      controls(pod({ appArmorProfile: { type: 'RuntimeDefault' } }, { appArmorProfile: { type: 'Localhost', localhostProfile: 'p' } }), 'baseline'),
    ).toEqual([]);
    expect(controls(pod({}, { appArmorProfile: { type: 'Unconfined' } }), 'baseline')).toEqual([
      'AppArmor: app: securityContext.appArmorProfile.type = "Unconfined"',
    ]);
    const annotated = (value: string) => pod({}, {}, { metadata: { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': value } } });
    expect(controls(annotated('localhost/mine'), 'baseline')).toEqual([]);
    expect(controls(annotated('unconfined'), 'baseline'))
      .toEqual(['AppArmor: pod: metadata.annotations["container.apparmor.security.beta.kubernetes.io/app"] = "unconfined"']);
  });

  test('SELinux: type container_t, container_init_t, container_kvm_t (container_engine_t from 1.31); user and role unset', () => {
    expect(controls(pod({ seLinuxOptions: { type: 'container_init_t', level: 's0:c123,c456' } }), 'baseline')).toEqual([]);
    expect(controls(pod({ seLinuxOptions: { type: 'container_engine_t' } }), 'baseline', 31)).toEqual([]);
    expect(controls(pod({ seLinuxOptions: { type: 'container_engine_t' } }), 'baseline', 30)).toEqual([
      'SELinux: pod: securityContext.seLinuxOptions.type = "container_engine_t"',
    ]);
    expect(controls(pod({}, { seLinuxOptions: { type: 'spc_t', user: 'system_u', role: 'system_r' } }), 'baseline')).toEqual([
      'SELinux: app: securityContext.seLinuxOptions.type = "spc_t"',
      'SELinux: app: securityContext.seLinuxOptions.user = "system_u"',
      'SELinux: app: securityContext.seLinuxOptions.role = "system_r"',
    ]);
  });

  test('/proc Mount Type: Default or unset', () => {
    expect(controls(pod({}, { procMount: 'Default' }), 'baseline')).toEqual([]);
    expect(controls(pod({}, { procMount: 'Unmasked' }), 'baseline')).toEqual(['/proc Mount Type: app: securityContext.procMount = "Unmasked"']);
  });

  test('Seccomp: Unconfined is refused at pod and container level', () => {
    expect(controls(pod({ seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } }), 'baseline')).toEqual([]);
    expect(controls(pod({ seccompProfile: { type: 'Unconfined' } }, { seccompProfile: { type: 'Unconfined' } }), 'baseline')).toEqual([
      'Seccomp: pod: securityContext.seccompProfile.type = "Unconfined"', 'Seccomp: app: securityContext.seccompProfile.type = "Unconfined"',
    ]);
  });

  test('Sysctls: only the safe set, which grows with the Kubernetes version', () => {
    const withSysctl = (name: string) => pod({ sysctls: [{ name, value: '1' }] });
    expect(controls(withSysctl('net.ipv4.ping_group_range'), 'baseline')).toEqual([]);
    expect(controls(withSysctl('kernel.msgmax'), 'baseline')).toEqual(['Sysctls: pod: securityContext.sysctls[].name = "kernel.msgmax"']);
    // net.ipv4.ip_local_reserved_ports since 1.27, tcp_keepalive_time since 1.29, tcp_rmem since 1.32.
    expect(controls(withSysctl('net.ipv4.ip_local_reserved_ports'), 'baseline', 27)).toEqual([]);
    expect(controls(withSysctl('net.ipv4.ip_local_reserved_ports'), 'baseline', 26)).toHaveLength(1);
    expect(controls(withSysctl('net.ipv4.tcp_keepalive_time'), 'baseline', 29)).toEqual([]);
    expect(controls(withSysctl('net.ipv4.tcp_keepalive_time'), 'baseline', 28)).toHaveLength(1);
    expect(controls(withSysctl('net.ipv4.tcp_rmem'), 'baseline', 32)).toEqual([]);
    expect(controls(withSysctl('net.ipv4.tcp_rmem'), 'baseline', 31)).toHaveLength(1);
  });

  test('Volume Types: gitRepo volumes are refused from 1.31', () => {
    const git = pod({}, {}, { spec: { volumes: [{ name: 'src', gitRepo: { repository: 'https://example.com/r.git' } }] } });
    expect(controls(git, 'baseline', 30)).toEqual([]);
    expect(controls(git, 'baseline', 31)).toEqual(['Volume Types: pod: volumes[src].gitRepo = {"repository":"https://example.com/r.git"}']);
  });

  test('Probes / Lifecycle Hooks: a host in a probe or handler is refused from 1.34', () => {
    const probed = (host: string) =>
      pod({}, {}, { container: { livenessProbe: { httpGet: { host, port: 80 } }, lifecycle: { preStop: { tcpSocket: { host, port: 1 } } } } });
    expect(controls(probed(''), 'baseline')).toEqual([]);
    expect(controls(probed('10.0.0.1'), 'baseline', 33)).toEqual([]);
    expect(controls(probed('10.0.0.1'), 'baseline', 34)).toEqual([
      'Probes / Lifecycle Hooks: app: livenessProbe.httpGet.host = "10.0.0.1"', 'Probes / Lifecycle Hooks: app: ' +
        'lifecycle.preStop.tcpSocket.host = "10.0.0.1"',
    ]);
  });

  test('baseline lets in what only restricted refuses: root, privilege escalation, any seccomp, nfs volumes', () => {
    const loose = {
      spec: { containers: [{ name: 'app', securityContext: { runAsUser: 0 } }], volumes: [{ name: 'n', nfs: { server: 's', path: '/' } }] },
    };
    expect(controls(loose, 'baseline')).toEqual([]);
    expect(controls(loose, 'restricted').length).toBeGreaterThan(0);
  });
});

describe('Pod Security Standards, restricted', () => {
  test('Volume Types: only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret', () => {
    const allowed = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];
    expect(controls(pod({}, {}, { spec: { volumes: allowed.map((t, i) => ({ name: `v${i}`, [t]: {} })) } }), 'restricted')).toEqual([]);
    expect(controls(pod({}, {}, { spec: { volumes: [{ name: 'n', nfs: { server: 's', path: '/' } }, { name: 'h',
      hostPath: { path: '/' } }] } }), 'restricted')).toEqual([
      'Volume Types: pod: volumes[n].nfs = {"server":"s","path":"/"}', 'Volume Types: pod: volumes[h].hostPath = {"path":"/"}',
    ]);
  });

  test('Privilege Escalation: allowPrivilegeEscalation must be false, and unset is refused', () => {
    expect(controls(pod({}, { allowPrivilegeEscalation: true }), 'restricted')).toEqual(['Privilege Escalation: app: ' +
      'securityContext.allowPrivilegeEscalation = true']);
    expect(controls(pod({}, { allowPrivilegeEscalation: undefined }), 'restricted')).toEqual(['Privilege Escalation: app: ' +
      'securityContext.allowPrivilegeEscalation = unset']);
  });

  test('Running as Non-root: runAsNonRoot true in the pod or every container; false anywhere is refused', () => {
    expect(controls(pod({ runAsNonRoot: undefined }, { runAsNonRoot: true }), 'restricted')).toEqual([]);
    expect(controls(pod({ runAsNonRoot: undefined }), 'restricted')).toEqual(['Running as Non-root: app: securityContext.runAsNonRoot = unset']);
    expect(controls(pod({}, { runAsNonRoot: false }), 'restricted')).toEqual(['Running as Non-root: app: securityContext.runAsNonRoot = false']);
    expect(controls(pod({ runAsNonRoot: false }, { runAsNonRoot: true }), 'restricted')).toEqual(['Running as Non-root: pod: ' +
      'securityContext.runAsNonRoot = false']);
  });

  test('Running as Non-root user: runAsUser 0 is refused from 1.23, any other user allowed', () => {
    expect(controls(pod({ runAsUser: 1000 }, { runAsUser: 12345 }), 'restricted')).toEqual([]);
    expect(controls(pod({}, { runAsUser: 0 }), 'restricted', 23)).toEqual(['Running as Non-root user: app: securityContext.runAsUser = 0']);
    expect(controls(pod({}, { runAsUser: 0 }), 'restricted', 22)).toEqual([]);
  });

  test('Seccomp: RuntimeDefault or Localhost must be set, in the pod or every container', () => {
    expect(controls(pod({ seccompProfile: undefined }, { seccompProfile: { type: 'RuntimeDefault' } }), 'restricted')).toEqual([]);
    expect(controls(pod({ seccompProfile: undefined }), 'restricted')).toEqual(['Seccomp: app: securityContext.seccompProfile.type = unset']);
    expect(controls(pod({}, { seccompProfile: { type: 'Unconfined' } }), 'restricted')).toEqual([
      'Seccomp: app: securityContext.seccompProfile.type = "Unconfined"',
    ]);
  });

  test('Capabilities: drop must include ALL; only NET_BIND_SERVICE may be added', () => {
    expect(controls(pod({}, { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } }), 'restricted')).toEqual([]);
    expect(controls(pod({}, { capabilities: { drop: ['NET_RAW'], add: ['CHOWN'] } }), 'restricted')).toEqual([
      'Capabilities: app: securityContext.capabilities.drop = ["NET_RAW"]', 'Capabilities: app: securityContext.capabilities.add = ["CHOWN"]',
    ]);
  });

  test('init containers are held to the same rules as containers', () => {
    const p = pod();
    const withInit = { ...p, spec: { ...p.spec, initContainers: [{ name: 'init', securityContext: {} }] } };
    expect(controls(withInit, 'restricted')).toEqual([
      'Privilege Escalation: init: securityContext.allowPrivilegeEscalation = unset',
      'Capabilities: init: securityContext.capabilities.drop = unset',
    ]);
  });
});
