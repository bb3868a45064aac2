import { Chart, Size, Testing } from 'cdk8s';
import { tutorialProps } from '../../main';
import { formatDiagnostic, PreflightFinding, ValuesError, VCluster, VClusterProps } from '../../src';

/**
 * Expectations from the Kubernetes documentation ("Limit Ranges", "Resource Quotas"): the
 * LimitRanger fills in defaults, then refuses a request under `min`, a limit over `max` and a
 * limit / request over `maxLimitRequestRatio`; a quota on cpu or memory requires every container
 * to state it; what does not fit is refused ("exceeded quota").
 */

const limitRange = (name: string, ...limits: object[]) => ({
  apiVersion: 'v1',
  kind: 'LimitRange',
  metadata: { name, namespace: 'vc1' },
  spec: { limits },
});
const quota = (name: string, hard: Record<string, string | number>) => ({
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name, namespace: 'vc1' },
  spec: { hard },
});

/** The chart's defaults (no policies of its own), in namespace vc1, on a host with these objects. */
function findings(objects: object[], props: VClusterProps = {}): { errors: string[]; warnings: PreflightFinding[] } {
  try {
    const vc = new VCluster(new Chart(Testing.app(), 'c'), 'vc1', { namespace: 'vc1', ...props, host: { objects } });
    return { errors: [], warnings: [...vc.preflightWarnings] };
  } catch (e) {
    if (!(e instanceof ValuesError)) throw e;
    // Each line names the tenant; the findings are compared without it.
    expect(e.message.split('\n').every((l) => l.startsWith('c/vc1 (release vc1): '))).toBe(true);
    return { errors: e.diagnostics.map((d) => formatDiagnostic(d, { tenant: false })), warnings: [] };
  }
}

describe('LimitRange constraints of the host namespace', () => {
  test("min: the distro's init container requesting 40m cpu and CoreDNS requesting 20m are refused by a minimum of 50m, allowed by 20m " +
    "(vcluster #1678)", () => {
    const { errors } = findings([limitRange('limits', { type: 'Container', min: { cpu: '50m' } })]);
    expect(errors).toEqual([
      'control plane StatefulSet vc1: container kubernetes: resources.requests.cpu: got 40m, but LimitRange limits sets a minimum cpu of ' +
        '50m per Container, ' +
        'so the API server refuses the pod ("minimum cpu usage per Container is 50m, but request is 40m"). Set ' +
          'controlPlane.distro.k8s.resources.requests.cpu to at least 50m.',
      'CoreDNS: container coredns: resources.requests.cpu: got 20m, but LimitRange limits sets a minimum cpu of 50m per Container, ' +
        'so the API server refuses the pod ("minimum cpu usage per Container is 50m, but request is 20m"). Set ' +
          'controlPlane.coredns.deployment.resources.requests.cpu to at least 50m.',
    ]);
    expect(findings([limitRange('limits', { type: 'Container', min: { cpu: '20m' } })]).errors).toEqual([]);
  });

  test("max: the syncer's 4Gi memory limit is refused by a maximum of 1Gi, allowed by 4Gi", () => {
    const { errors } = findings([limitRange('limits', { type: 'Container', max: { memory: '1Gi' } })]);
    expect(errors).toContain(
      'control plane StatefulSet vc1: container syncer: resources.limits.memory: got 4Gi, but LimitRange limits sets a maximum memory of ' +
        '1Gi per Container, ' +
        'so the API server refuses the pod ("maximum memory usage per Container is 1Gi, but limit is 4Gi"). Set ' +
          'controlPlane.statefulSet.resources.limits.memory to at most 1Gi.',
    );
    expect(findings([limitRange('limits', { type: 'Container', max: { memory: '4Gi', cpu: '10' } })]).errors).toEqual([]);
  });

  test('maxLimitRequestRatio: the syncer\'s 4Gi limit over its 256Mi request (16) is refused by a ratio of 2, allowed by 16', () => {
    const { errors } = findings([limitRange('limits', { type: 'Container', maxLimitRequestRatio: { memory: '2' } })]);
    expect(errors.filter((e) => e.startsWith('control plane StatefulSet vc1: container syncer'))).toEqual([
      'control plane StatefulSet vc1: container syncer: resources.limits.memory: got 4Gi over a request of 256Mi, but LimitRange limits ' +
        'sets a maximum limit to ' +
        'request ratio of 2 for memory per Container, so the API server refuses the pod ("memory max limit to request ratio per Container is 2"). ' +
        'Lower controlPlane.statefulSet.resources.limits.memory, or raise the request, to a ratio of at most 2.',
    ]);
    expect(findings([limitRange('limits', { type: 'Container', maxLimitRequestRatio: { memory: '16' } })]).errors).toEqual([]);
  });

  test('max per Pod: the sum of the containers counts, the larger of it and the init container', () => {
    // The control plane pod: syncer limits 4Gi memory; the init container 256Mi.
    expect(findings([limitRange('limits', { type: 'Pod', max: { memory: '3Gi' } })]).errors[0])
      .toMatch(/^control plane StatefulSet vc1: pod: resources\.limits\.memory: got 4Gi, but LimitRange limits sets a maximum memory of 3Gi per Pod/);
    expect(findings([limitRange('limits', { type: 'Pod', max: { memory: '4Gi' } })]).errors).toEqual([]);
  });

  test("min per PersistentVolumeClaim: the control plane's 5Gi volume claim is refused by a minimum of 10Gi", () => {
    expect(findings([limitRange('storage', { type: 'PersistentVolumeClaim', min: { storage: '10Gi' } })]).errors[0]).toMatch(
      /^control plane StatefulSet vc1 claim data: resources\.requests\.storage: got 5Gi, but LimitRange storage sets a minimum storage of 10Gi per PersistentVolumeClaim/,
    );
    expect(findings([limitRange('storage', { type: 'PersistentVolumeClaim', min: { storage: '5Gi' } })]).errors).toEqual([]);
  });

  test("the chart's own LimitRange is held to the same rules, without a host", () => {
    const e = (() => {
      try {
        return void new VCluster(new Chart(Testing.app(), 'c'), 'vc1', {
          policies: { limitRange: { max: { memory: Size.gibibytes(1) } } },
        }).apiObjects;
      } catch (err) {
        return (err as Error).message;
      }
    })();
    expect(e).toMatch(
      /container syncer: resources\.limits\.memory: got 4Gi, but LimitRange vc-vc1 \(policies\.limitRange\) sets a maximum memory of 1Gi per Container/,
    );
  });
});

describe('ResourceQuotas of the host namespace', () => {
  test('a quota on limits.cpu refuses the syncer, which sets no cpu limit, when no LimitRange gives a default (vcluster #1746)', () => {
    expect(findings([quota('compute', { 'limits.cpu': '8' })]).errors).toEqual([
      'ResourceQuota compute: spec.hard["limits.cpu"]: a quota on limits.cpu makes the API server require a cpu limit on every container, ' +
        'but container syncer of the control plane StatefulSet vc1 (controlPlane.statefulSet.resources) sets none, and no LimitRange of the ' +
          'namespace gives a default: ' +
        'the API server refuses the pod ("failed quota: compute: must specify limits.cpu"). ' +
        'Set policies.limitRange.default.cpu (with policies.limitRange enabled), or give the container a cpu limit.',
    ]);
  });

  test('the LimitRange defaults are applied before the quota: a default cpu limit lets the syncer in, and counts against the quota', () => {
    const { errors, warnings } = findings([
      quota('compute', { 'limits.cpu': '8' }),
      limitRange('defaults', { type: 'Container', default: { cpu: '500m' } }),
    ]);
    expect(errors).toEqual([]);
    // The syncer gets the 500m default, the init container its own 100m (init containers run before, so the pod counts 500m) and CoreDNS its 1000m.
    expect(warnings).toEqual([]);
    expect(
      findings([quota('compute', { 'limits.cpu': '1' }), limitRange('defaults', { type: 'Container', default: { cpu: '500m' } })]).errors[0],
    ).toMatch(
      /^ResourceQuota compute: spec\.hard\["limits\.cpu"\]: got 1, but the virtual cluster itself needs 1500m of limits\.cpu \(CoreDNS 1, control plane StatefulSet vc1 500m\)/,
    );
  });

  test('a quota the virtual cluster exceeds is refused; one it exactly fills leaves no pod for workloads, a warning', () => {
    // The chart's defaults: the control plane and CoreDNS, 2 pods.
    expect(findings([quota('pods', { pods: 1 })]).errors[0]).toMatch(
      /^ResourceQuota pods: spec\.hard\.pods: got 1, but the virtual cluster itself needs 2 of pods/,
    );
    const { errors, warnings } = findings([quota('pods', { pods: 2 })]);
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.path)).toEqual(['ResourceQuota pods: spec.hard.pods']);
    expect(warnings[0].message).toMatch(/leaving no pod for its workloads: the first pod inside the virtual cluster is refused/);
    expect(findings([quota('pods', { pods: 3 })]).warnings).toEqual([]);
  });
});

describe("the chart's own quota and LimitRange", () => {
  test("warns that the tutorial's quota leaves 342Mi of limits.memory, under the LimitRange's 512Mi default", () => {
    const vc = new VCluster(new Chart(Testing.app(), 'c'), 'vc1', tutorialProps('vc1'));
    expect(vc.preflightWarnings.map((w) => `${w.path}: ${w.message} ${w.fix}`)).toEqual([
      'policies.resourceQuota.quota["limits.memory"]: got 5Gi, of which the virtual cluster itself takes 4778Mi (control plane Deployment vc1 4Gi, ' +
        'etcd StatefulSet vc1-etcd 512Mi, CoreDNS 170Mi), leaving 342Mi for its workloads; but policies.limitRange gives every container ' +
          'that sets no memory limit 512Mi, ' +
        'so the first such pod inside the virtual cluster is refused ("exceeded quota: vc-vc1, requested: limits.memory=512Mi, used: ' +
          'limits.memory=4778Mi, limited: limits.memory=5Gi"). ' +
        'Raise limits.memory to at least 5290Mi, or lower policies.limitRange.default.memory to at most 342Mi.',
    ]);
  });

  test('does not warn once the quota holds the control plane and one default container (4778Mi + 512Mi = 5290Mi)', () => {
    const props = tutorialProps('vc1');
    const values = { policies: { resourceQuota: { quota: { 'limits.memory': '5290Mi' } } } };
    expect(new VCluster(new Chart(Testing.app(), 'c'), 'vc1', { ...props, values }).preflightWarnings).toEqual([]);
  });

  test('warns that a quota without the LimitRange leaves the syncer without a cpu limit, and refuses it when the host has no LimitRange ' +
    'either', () => {
    const policies = { values: { policies: { resourceQuota: { enabled: true }, limitRange: { enabled: false } } } };
    const alone = new VCluster(new Chart(Testing.app(), 'c'), 'vc1', policies);
    expect(alone.preflightWarnings.map((w) => w.path)).toEqual(['policies.resourceQuota.quota["limits.cpu"]']);
    expect(alone.preflightWarnings[0].message).toMatch(
      /policies\.limitRange, whose default would fill it in, is disabled: unless a LimitRange of the host namespace gives a default cpu limit, the API server refuses the virtual cluster's own pods/,
    );
    expect(findings([], policies).errors).toEqual([
      expect.stringMatching(
        /^policies\.resourceQuota\.quota\["limits\.cpu"\]: a quota on limits\.cpu .* no LimitRange of the namespace gives a default/,
      ),
    ]);
    expect(findings([limitRange('defaults', { type: 'Container', default: { cpu: '1' } })], policies).errors).toEqual([]);
  });
});
