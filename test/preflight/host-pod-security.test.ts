import { Chart, Testing } from 'cdk8s';
import { tutorialProps } from '../../main';
import { BackingStore, formatDiagnostic, hostObjectsFromYaml, ValuesError, VCluster, VClusterProps } from '../../src';
import { HostOptions } from '../../src/preflight/host';

/** The host namespace as `kubectl get ns vc1 -o yaml` prints it, with Pod Security labels. */
function namespaceYaml(labels: Record<string, string>): string {
  return [
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    '  name: vc1',
    '  labels:',
    '    kubernetes.io/metadata.name: vc1',
    ...Object.entries(labels).map(([k, v]) => `    ${k}: ${v}`),
    'spec:',
    '  finalizers: [kubernetes]',
    'status:',
    '  phase: Active',
  ].join('\n');
}

const restricted = (): HostOptions => ({ objects: hostObjectsFromYaml(namespaceYaml({ 'pod-security.kubernetes.io/enforce': 'restricted' })) });

function vcluster(props: VClusterProps): VCluster {
  return new VCluster(new Chart(Testing.app(), 'c'), 'vc1', props);
}

function refusal(props: VClusterProps): ValuesError {
  try {
    void vcluster(props).apiObjects;
  } catch (e) {
    if (e instanceof ValuesError) return e;
    throw e;
  }
  throw new Error('expected the host to refuse the virtual cluster');
}

describe('the pre-flight against the host namespace\'s Pod Security labels', () => {
  test("fails when the tutorial's final values go into a restricted namespace, naming each container, field, rule and fix", () => {
    const e = refusal({ ...tutorialProps('vc1'), host: restricted() });
    expect(e.message.split('\n').every((l) => l.startsWith('c/vc1 (release vc1): '))).toBe(true);
    const lines = e.diagnostics.map((d) => formatDiagnostic(d, { tenant: false }));
    // The distro's init container runs with an empty security context.
    expect(lines).toContain(
      'control plane Deployment vc1: container kubernetes: securityContext.allowPrivilegeEscalation: got unset, but the host namespace "vc1" has ' +
        'pod-security.kubernetes.io/enforce: restricted, whose control "Privilege Escalation" allows false: the API server refuses the pod, ' +
        'so the control plane Deployment vc1 never starts (the controller\'s events say "forbidden: violates PodSecurity"). ' +
        'Set rootless: true (its security contexts meet "restricted"), or set ' +
          'controlPlane.distro.k8s.securityContext.allowPrivilegeEscalation: false.',
    );
    const where = lines.map((l) => l.split(': got ')[0]);
    // Deployed etcd sets no security context at all: it may run as root.
    expect(where).toContain('etcd StatefulSet vc1-etcd: container etcd: securityContext.runAsNonRoot');
    expect(where).toContain('etcd StatefulSet vc1-etcd: container etcd: securityContext.seccompProfile.type');
    expect(where).toContain('control plane Deployment vc1: container syncer: securityContext.capabilities.drop');
    // CoreDNS, synced into the host namespace, has vCluster's non-root context but no seccomp profile.
    expect(where).toContain('CoreDNS: container coredns: securityContext.seccompProfile.type');
    expect(where).not.toContain('CoreDNS: container coredns: securityContext.runAsNonRoot');
    expect(e.path).toBe(lines[0].split(': got ')[0]);
  });

  test('lets the typed rootless: true in, as it meets "restricted"', () => {
    const vc = vcluster({ ...tutorialProps('vc1'), rootless: true, host: restricted() });
    expect(vc.preflightWarnings.filter((w) => w.rule.startsWith('pod-security'))).toEqual([]);
    const embedded = vcluster({ rootless: true, backingStore: BackingStore.embeddedEtcd(), namespace: 'vc1', host: restricted() });
    expect(embedded.preflightWarnings.filter((w) => w.rule.startsWith('pod-security'))).toEqual([]);
  });

  test('lets the chart defaults into a baseline namespace: running as root is not a baseline violation', () => {
    const host = { objects: hostObjectsFromYaml(namespaceYaml({ 'pod-security.kubernetes.io/enforce': 'baseline' })) };
    expect(vcluster({ ...tutorialProps('vc1'), host }).preflightWarnings.filter((w) => w.rule.startsWith('pod-security'))).toEqual([]);
  });

  test('reports warn and audit violations as warnings, not errors, once per field', () => {
    const host = {
      objects: hostObjectsFromYaml(namespaceYaml({
        'pod-security.kubernetes.io/enforce': 'baseline',
        'pod-security.kubernetes.io/warn': 'restricted',
        'pod-security.kubernetes.io/audit': 'restricted',
      })),
    };
    const warnings = vcluster({ ...tutorialProps('vc1'), host }).preflightWarnings.filter((w) => w.rule.startsWith('pod-security'));
    expect(warnings.length).toBeGreaterThan(0);
    expect(new Set(warnings.map((w) => w.rule))).toEqual(new Set(['pod-security.kubernetes.io/warn: restricted']));
    expect(new Set(warnings.map((w) => w.path)).size).toBe(warnings.length);
    expect(warnings[0].message).toMatch(/the pod is admitted, with a warning to whoever applies it\.$/);
  });

  test('ignores the labels of other namespaces and accepts a List, as kubectl prints several objects', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n- ` +
      `${namespaceYaml({ 'pod-security.kubernetes.io/enforce': 'restricted' }).replace('name: vc1', 'name: other').split('\n').join('\n  ')}\n`;
    expect(() => vcluster({ ...tutorialProps('vc1'), host: { objects: hostObjectsFromYaml(list) } }).apiObjects).not.toThrow();
    const ours = `apiVersion: v1\nkind: List\nitems:\n- ` +
      `${namespaceYaml({ 'pod-security.kubernetes.io/enforce': 'restricted' }).split('\n').join('\n  ')}\n`;
    expect(() => vcluster({ ...tutorialProps('vc1'), host: { objects: hostObjectsFromYaml(ours) } }).apiObjects).toThrow(ValuesError);
  });

  test('checks by the rules of the version the namespace pins: restricted requires seccomp from 1.19 and drop ALL from 1.22', () => {
    const pinned = (version: string) => ({
      objects: hostObjectsFromYaml(
        namespaceYaml({ 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': version }),
      ),
    });
    const controlsAt = (version: string) => new Set(refusal({ ...tutorialProps('vc1'), host: pinned(version) }).message.split('\n')
      .map((l) => /whose control "([^"]+)"/.exec(l)![1]));
    expect(controlsAt('v1.18')).toEqual(new Set(['Privilege Escalation', 'Running as Non-root']));
    expect(controlsAt('v1.21')).toEqual(new Set(['Privilege Escalation', 'Running as Non-root', 'Seccomp']));
    expect(controlsAt('latest')).toEqual(new Set(['Privilege Escalation', 'Running as Non-root', 'Seccomp', 'Capabilities']));
    expect(refusal({ ...tutorialProps('vc1'), host: pinned('v1.18') }).message)
      .toContain('has pod-security.kubernetes.io/enforce: restricted (enforce-version: v1.18), whose control');
  });

  test('fails when the host version and kubeVersion disagree', () => {
    expect(refusal({ namespace: 'vc1', kubeVersion: '1.33.1', host: { kubeVersion: '1.35.0' } }).message).toBe(
      'c/vc1 (release vc1): host.kubeVersion: got "1.35.0", but kubeVersion is "1.33.1": both name the host cluster\'s version. Give one of ' +
        'them, or the same version in both.',
    );
  });

  test('renders for the host version when only the host gives one', () => {
    const at = (host?: HostOptions) =>
      JSON.stringify(vcluster({ namespace: 'vc1', host, kubeVersion: host ? undefined : '1.35.0' }).apiObjects.map((o) => o.toJson()));
    expect(at({ kubeVersion: '1.35.0' })).toBe(at());
  });

  test('warns when the host objects hold another Namespace but not the release\'s, whose labels then go unchecked', () => {
    const other = {
      objects: hostObjectsFromYaml(namespaceYaml({ 'pod-security.kubernetes.io/enforce': 'restricted' }).replace('name: vc1', 'name: other')),
    };
    const warnings = vcluster({ namespace: 'vc1', host: other }).preflightWarnings;
    expect(warnings.map((w) => `${w.path}: ${w.message} ${w.fix}`)).toEqual([
      'host.objects: hold the Namespace "other" but none named "vc1", so its Pod Security labels are not checked. Add the output of ' +
        '`kubectl get ns vc1 -o yaml`.',
    ]);
    expect(vcluster({ namespace: 'vc1', rootless: true, host: restricted() }).preflightWarnings.filter((w) => w.path === 'host.objects')).toEqual([]);
  });
});
