import { Size } from 'cdk8s';
import { BackingStore, VClusterProps } from '../../src';
import { synthVCluster } from '../typed-helper';

/** The volume types the Pod Security Standard "restricted" allows. */
const RESTRICTED_VOLUMES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];

/**
 * The checks of the Pod Security Standard "restricted" (which includes "baseline") that a pod
 * template can fail, as the pod-security admission controller makes them.
 */
function restrictedViolations(pod: any): string[] {
  const spec = pod.spec ?? {};
  const podCtx = spec.securityContext ?? {};
  const out: string[] = [];
  for (const key of ['hostNetwork', 'hostPID', 'hostIPC']) if (spec[key]) out.push(`${key} is set`);
  for (const volume of spec.volumes ?? []) {
    const type = Object.keys(volume).find((k) => k !== 'name');
    if (!RESTRICTED_VOLUMES.includes(type!)) out.push(`volume ${volume.name} is of type ${type}`);
  }
  const seccomp = (ctx: any) => ctx?.seccompProfile?.type;
  const allowedSeccomp = ['RuntimeDefault', 'Localhost'];
  if (podCtx.runAsUser === 0) out.push('the pod runs as user 0');
  if (seccomp(podCtx) !== undefined && !allowedSeccomp.includes(seccomp(podCtx))) out.push(`the pod's seccomp profile is ${seccomp(podCtx)}`);
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  for (const c of containers) {
    const ctx = c.securityContext ?? {};
    const at = `container ${c.name}`;
    if (ctx.privileged) out.push(`${at} is privileged`);
    if (ctx.allowPrivilegeEscalation !== false) out.push(`${at} allows privilege escalation`);
    if (!(ctx.runAsNonRoot === true || (ctx.runAsNonRoot === undefined && podCtx.runAsNonRoot === true))) out.push(`${at} may run as root`);
    if (ctx.runAsUser === 0) out.push(`${at} runs as user 0`);
    if (!(ctx.capabilities?.drop ?? []).includes('ALL')) out.push(`${at} does not drop ALL capabilities`);
    const added = (ctx.capabilities?.add ?? []).filter((cap: string) => cap !== 'NET_BIND_SERVICE');
    if (added.length > 0) out.push(`${at} adds ${added.join(', ')}`);
    const profile = seccomp(ctx) ?? seccomp(podCtx);
    if (!allowedSeccomp.includes(profile)) out.push(`${at} has seccomp profile ${profile ?? 'unset'}`);
    for (const port of c.ports ?? []) if (port.hostPort) out.push(`${at} uses host port ${port.hostPort}`);
  }
  return out;
}

/** Every pod template the virtual cluster deploys on the host, by workload. */
function podTemplates(props: VClusterProps): Map<string, any> {
  const { manifests } = synthVCluster(props);
  const workloads = manifests.filter((m) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(m.kind));
  return new Map(workloads.map((w) => [`${w.kind}/${w.metadata.name}`, w.spec.template]));
}

const SCENARIOS: ReadonlyArray<readonly [string, VClusterProps]> = [
  ['the embedded database', { rootless: true }],
  ['embedded etcd', { rootless: true, backingStore: BackingStore.embeddedEtcd() }],
  ['deployed etcd', { rootless: { user: 2000, fsGroup: 3000 }, backingStore: BackingStore.deployedEtcd({ replicas: 3 }) }],
  ['the tutorial settings', {
    rootless: { user: 12345 },
    kubernetesVersion: 'v1.32.1',
    backingStore: BackingStore.deployedEtcd({ persistence: { storageClass: 'managed-nfs-storage', size: Size.gibibytes(5) } }),
    controlPlane: { podSecurityContext: { fsGroup: 12345 }, containerSecurityContext: { runAsUser: 12345, runAsGroup: 12345, runAsNonRoot: true } },
    ingress: { host: 'vc1.example.com' },
  }],
];

describe('rootless', () => {
  test.each(SCENARIOS)('with %s, every pod template passes the Pod Security Standard "restricted"', (_name, props) => {
    const templates = podTemplates(props);
    expect(templates.size).toBeGreaterThan(0);
    for (const [workload, template] of templates)
      expect({ workload, violations: restrictedViolations(template) }).toEqual({ workload, violations: [] });
  });

  test('without it, the chart default control plane fails the profile (the check has teeth)', () => {
    const violations = restrictedViolations(podTemplates({}).get('StatefulSet/vc1'));
    expect(violations).toEqual(expect.arrayContaining(['container syncer runs as user 0', 'container syncer does not drop ALL capabilities']));
  });

  test('runs the control plane, distro, etcd and CoreDNS as the given user', () => {
    const { vc } = synthVCluster({ rootless: { user: 2000, group: 3000, fsGroup: 4000 } });
    const pod = { runAsUser: 2000, runAsGroup: 3000, fsGroup: 4000, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } };
    const container = {
      runAsUser: 2000, runAsGroup: 3000, runAsNonRoot: true, allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' },
    };
    const cp = vc.values.controlPlane;
    expect(cp.statefulSet.security).toEqual({ podSecurityContext: pod, containerSecurityContext: container });
    expect(cp.distro.k8s.securityContext).toEqual(container);
    expect(cp.backingStore.etcd.deploy.statefulSet.security).toEqual({ podSecurityContext: pod, containerSecurityContext: container });
    expect(cp.coredns.security).toEqual({ podSecurityContext: pod, containerSecurityContext: container });
  });

  test('keeps explicit settings that do not contradict it', () => {
    const { vc } = synthVCluster({
      rootless: true,
      controlPlane: { containerSecurityContext: { readOnlyRootFilesystem: true, capabilities: { add: ['NET_BIND_SERVICE'] } } },
    });
    expect(vc.values.controlPlane.statefulSet.security.containerSecurityContext).toMatchObject({
      readOnlyRootFilesystem: true, runAsUser: 12345, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
    });
  });

  test('fails when the control plane container is asked to run as root', () => {
    expect(() => synthVCluster({ rootless: true, controlPlane: { containerSecurityContext: { runAsUser: 0 } } })).toThrow(
      'controlPlane.containerSecurityContext.runAsUser: runs the container as root, which contradicts rootless. Leave runAsUser out ' +
        '(rootless sets the user) or give a non-zero user. Got 0.',
    );
  });

  test('fails when the etcd container would escalate privileges', () => {
    expect(() =>
      synthVCluster({
        rootless: true,
        backingStore: BackingStore.deployedEtcd({ containerSecurityContext: { allowPrivilegeEscalation: true } }),
      }),
    ).toThrow('backingStore.containerSecurityContext.allowPrivilegeEscalation: contradicts rootless. Leave allowPrivilegeEscalation out. Got true.');
  });

  test('fails when the distro containers drop fewer capabilities', () => {
    expect(() => synthVCluster({ rootless: true, distro: { securityContext: { capabilities: { drop: ['NET_RAW'] } } } })).toThrow(
      'distro.securityContext.capabilities.drop: replaces rootless\'s [ALL], which contradicts rootless. Include "ALL" or leave drop out. ' +
        'Got ["NET_RAW"].',
    );
  });

  test('fails when the rootless user is root', () => {
    expect(() => synthVCluster({ rootless: { user: 0 } })).toThrow(
      'rootless.user: must be a whole number above 0 (0 is root); give e.g. 12345. Got 0.',
    );
  });
});
