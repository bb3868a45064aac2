import { contextFor } from '../render/context-helper';
import { ValueMap } from '../../src/values/value-map';
import { TEMPLATES } from '../../src/render/templates';
import { renderChart } from '../../src/pipeline';
import { ValuesError } from '../../src/values/errors';
import { formatQuantity } from '../../src/values/quantity';
import { quotaBudget, quotaBudgetDiagnostics, QuotaBudgetLine } from '../../src/analysis/quota-budget';

/** The tutorial's final step (main.ts, conformance case seed-05). */
const TUTORIAL: ValueMap = {
  controlPlane: {
    distro: { k8s: { enabled: true, image: { registry: 'ghcr.io', repository: 'loft-sh/kubernetes', tag: 'v1.32.1' } } },
    backingStore: {
      etcd: {
        deploy: { enabled: true, statefulSet: { persistence: { volumeClaim: { enabled: true, storageClass: 'managed-nfs-storage', size: '5Gi' } } } },
      },
    },
    statefulSet: {
      persistence: { volumeClaim: { storageClass: 'managed-nfs-storage', size: '5Gi' } },
      security: {
        podSecurityContext: { fsGroup: 12345 },
        containerSecurityContext: { runAsUser: 12345, runAsGroup: 12345, runAsNonRoot: true },
      },
    },
    ingress: { enabled: true, host: 'vc1.kryukov.local' },
    proxy: { extraSANs: ['vc1.kryukov.local'] },
  },
  exportKubeConfig: { context: 'vc1', server: 'https://vc1.kryukov.local' },
  integrations: { metricsServer: { enabled: true, nodes: true, pods: true } },
  policies: {
    resourceQuota: { enabled: true, quota: { cpu: '4', memory: '5Gi', 'limits.memory': '5Gi', pods: '15', 'requests.storage': '20Gi' } },
    limitRange: { enabled: true, default: { memory: '512Mi', cpu: '1' }, defaultRequest: { memory: '128Mi', cpu: '100m' } },
  },
  sync: { toHost: { ingresses: { enabled: true } }, fromHost: { storageClasses: { enabled: true }, ingressClasses: { enabled: true } } },
};

/** The tutorial with some policies changed (maps merge, as with a second values file). */
const tutorialWith = (policies: ValueMap, extra: ValueMap = {}): ValueMap => ({
  ...TUTORIAL,
  ...extra,
  controlPlane: { ...TUTORIAL.controlPlane, ...(extra.controlPlane ?? {}) },
  policies: {
    resourceQuota: {
      ...TUTORIAL.policies.resourceQuota,
      ...(policies.resourceQuota ?? {}),
      quota: { ...TUTORIAL.policies.resourceQuota.quota, ...(policies.resourceQuota?.quota ?? {}) },
    },
    limitRange: { ...TUTORIAL.policies.limitRange, ...(policies.limitRange ?? {}) },
  },
});

function render(user: ValueMap) {
  const ctx = contextFor(user, { name: 'vc1', namespace: 'vc1' });
  return { ctx, objects: TEMPLATES.flatMap(({ render: template }) => template(ctx)) };
}

function budgetFor(user: ValueMap): Map<string, QuotaBudgetLine> {
  const { ctx, objects } = render(user);
  return new Map((quotaBudget(ctx, objects) ?? []).map((line) => [line.resource, line]));
}

/** hard / used / remaining, as Kubernetes prints quantities. */
function summary(line: QuotaBudgetLine | undefined): string {
  if (!line) return 'absent';
  return `${formatQuantity(line.hard)} / ${formatQuantity(line.used)} / ${formatQuantity(line.remaining)}`;
}

const users = (line: QuotaBudgetLine | undefined): string[] => (line?.users ?? []).map((u) => `${u.what}: ${formatQuantity(u.amount)}`);

function errorFor(user: ValueMap): ValuesError {
  const { ctx, objects } = render(user);
  const found = quotaBudgetDiagnostics(ctx, objects);
  if (found.length === 0) throw new Error('expected the quota to be refused');
  return new ValuesError(found);
}

describe('the quota budget', () => {
  test('is absent when the chart renders no ResourceQuota', () => {
    const { ctx, objects } = render({});
    expect(quotaBudget(ctx, objects)).toBeUndefined();
    expect(quotaBudgetDiagnostics(ctx, objects)).toEqual([]);
  });

  test("adds up the tutorial's final step as worked out by hand", () => {
    // The tutorial renders (the pipeline runs the check) and fits its quota.
    expect(() => renderChart({ name: 'vc1', namespace: 'vc1', values: [TUTORIAL] })).not.toThrow();
    const budget = budgetFor(TUTORIAL);

    // Host pods: the control plane (a Deployment: deployed etcd keeps no state in it), one etcd pod, one CoreDNS pod.
    // The LimitRange default is the tutorial's {memory: 512Mi, cpu: 1} merged over the chart's {ephemeral-storage: 8Gi},
    // the default request {memory: 128Mi, cpu: 100m} over {ephemeral-storage: 3Gi}.
    //
    // limits.memory: syncer 4Gi (chart default; its init container's 256Mi is smaller), etcd sets none so the
    // LimitRange gives 512Mi, CoreDNS 170Mi: 4096Mi + 512Mi + 170Mi = 4778Mi of 5Gi (5120Mi), 342Mi left.
    expect(summary(budget.get('limits.memory'))).toBe('5Gi / 4778Mi / 342Mi');
    expect(users(budget.get('limits.memory'))).toEqual(['control plane Deployment vc1: 4Gi', 'etcd StatefulSet vc1-etcd: 512Mi', 'CoreDNS: 170Mi']);
    // cpu (requests): syncer 200m (the init container's 40m is smaller), etcd 20m, CoreDNS 20m.
    expect(summary(budget.get('cpu'))).toBe('4 / 240m / 3760m');
    // memory (requests): 256Mi + 150Mi + 64Mi.
    expect(summary(budget.get('memory'))).toBe('5Gi / 470Mi / 4650Mi');
    expect(summary(budget.get('pods'))).toBe('15 / 3 / 12');
    // Only etcd keeps a volume claim: one replica of 5Gi.
    expect(summary(budget.get('requests.storage'))).toBe('20Gi / 5Gi / 15Gi');
    // The chart's default quota keys merge in: limits.cpu 20 holds 1 (syncer, LimitRange default) + 1 (etcd, default) + 1000m (CoreDNS).
    expect(summary(budget.get('limits.cpu'))).toBe('20 / 3 / 17');
    // requests.ephemeral-storage: each pod 3Gi; the control plane's init container takes the 3Gi default, more than the syncer's 1Gi.
    expect(summary(budget.get('requests.ephemeral-storage'))).toBe('60Gi / 9Gi / 51Gi');
    expect(summary(budget.get('count/services'))).toBe('20 / 3 / 17');
    expect(summary(budget.get('services.nodeports'))).toBe('0 / 0 / 0');
    for (const line of budget.values()) expect([line.resource, line.unset]).toEqual([line.resource, []]);
  });

  test('fails when the virtual cluster needs more of a resource than the quota allows, naming the biggest users', () => {
    const e = errorFor(tutorialWith({ resourceQuota: { quota: { 'limits.memory': '4Gi' } } }));
    expect(e.path).toBe('policies.resourceQuota.quota["limits.memory"]');
    expect(e.message).toBe(
      'policies.resourceQuota.quota["limits.memory"]: got "4Gi", but the virtual cluster itself needs 4778Mi of limits.memory ' +
        '(control plane Deployment vc1 4Gi, etcd StatefulSet vc1-etcd 512Mi, CoreDNS 170Mi), so Kubernetes would refuse part of it. ' +
        'Raise the quota to at least 4778Mi, or lower what the biggest users ask for.',
    );
    expect(errorFor(tutorialWith({ resourceQuota: { quota: { pods: 2 } } })).message).toMatch(
      /^policies\.resourceQuota\.quota\.pods: got 2, but the virtual cluster itself needs 3 of pods/,
    );
  });

  test('fails when a quota resource is left unset on a container and the LimitRange has no default for it', () => {
    const e = errorFor(tutorialWith({ limitRange: { default: { memory: '512Mi', cpu: null } } }));
    expect(e.path).toBe('policies.resourceQuota.quota["limits.cpu"]');
    expect(e.message).toBe(
      'policies.resourceQuota.quota["limits.cpu"]: got 20; a quota on limits.cpu makes Kubernetes require it on every container, ' +
        'but container etcd of the etcd StatefulSet vc1-etcd (controlPlane.backingStore.etcd.deploy.statefulSet.resources) ' +
        'and container syncer of the control plane Deployment vc1 (controlPlane.statefulSet.resources) set no limit for cpu, ' +
        'and policies.limitRange.default has no cpu to fill in. Kubernetes rejects the pod ("failed quota: vc-vc1: must specify limits.cpu"). ' +
        'Set policies.limitRange.default.cpu, or give each of them a cpu limit.',
    );
  });

  test('leaves unset resources to the namespace when the chart renders no LimitRange, but reports them', () => {
    const user = { policies: { resourceQuota: { enabled: true }, limitRange: { enabled: false } } };
    const { ctx, objects } = render(user);
    expect(quotaBudgetDiagnostics(ctx, objects)).toEqual([]);
    const limitsCpu = budgetFor(user).get('limits.cpu');
    expect(limitsCpu?.unset).toEqual([
      { pod: 'control plane StatefulSet vc1', container: 'syncer', valuesPath: 'controlPlane.statefulSet.resources' },
    ]);
    // What is known still counts: the init container's 100m and CoreDNS' 1.
    expect(summary(limitsCpu)).toBe('20 / 1100m / 18900m');
  });

  test('counts each pod as the larger of its containers and its largest init container, sidecars running beside both', () => {
    const big = { name: 'warm', resources: { requests: { memory: '8Gi' }, limits: { memory: '8Gi' } } };
    expect(
      users(
        budgetFor(
          tutorialWith(
            {},
            { controlPlane: { ...TUTORIAL.controlPlane, statefulSet: { ...TUTORIAL.controlPlane.statefulSet, initContainers: [big] } } },
          ),
        ).get('memory'),
      ),
    ).toContain('control plane Deployment vc1: 8Gi');
    const sidecar = { name: 'proxy', restartPolicy: 'Always', resources: { requests: { memory: '1Gi' } } };
    // The sidecar runs beside the syncer (256Mi + 1Gi) and beside the later init container (8Gi + 1Gi).
    const both = budgetFor(
      tutorialWith(
        {},
        { controlPlane: { ...TUTORIAL.controlPlane, statefulSet: { ...TUTORIAL.controlPlane.statefulSet, initContainers: [sidecar, big] } } },
      ),
    );
    expect(users(both.get('memory'))).toContain('control plane Deployment vc1: 9Gi');
  });

  test('multiplies pods and claims by their replicas', () => {
    const etcd = {
      controlPlane: {
        ...TUTORIAL.controlPlane,
        backingStore: { etcd: { deploy: { enabled: true, statefulSet: { highAvailability: { replicas: 3 } } } } },
      },
    };
    const budget = budgetFor(tutorialWith({}, etcd));
    expect(users(budget.get('memory'))).toContain('etcd StatefulSet vc1-etcd: 450Mi');
    expect(summary(budget.get('requests.storage'))).toBe('20Gi / 15Gi / 5Gi');
    expect(summary(budget.get('pods'))).toBe('15 / 5 / 10');
    // Three etcd pods take 1536Mi of limits.memory (the LimitRange default each): the tutorial's 5Gi no longer fits.
    expect(errorFor(tutorialWith({ resourceQuota: { quota: { 'requests.storage': '10Gi' } } }, etcd)).message.split('\n')).toEqual([
      'policies.resourceQuota.quota["limits.memory"]: got "5Gi", but the virtual cluster itself needs 5802Mi of limits.memory ' +
        '(control plane Deployment vc1 4Gi, etcd StatefulSet vc1-etcd 1536Mi (3 × 512Mi), CoreDNS 170Mi), so Kubernetes would refuse part of it. ' +
        'Raise the quota to at least 5802Mi, or lower what the biggest users ask for.',
      'policies.resourceQuota.quota["requests.storage"]: got "10Gi", but the virtual cluster itself needs 15Gi of requests.storage ' +
        '(etcd StatefulSet vc1-etcd claim data 15Gi (3 × 5Gi)), so Kubernetes would refuse part of it. ' +
        'Raise the quota to at least 15Gi, or lower what the biggest users ask for.',
    ]);
  });

  test('counts CoreDNS only when its pods land in the host namespace', () => {
    const without = (controlPlane: ValueMap, extra: ValueMap = {}) =>
      users(budgetFor(tutorialWith({}, { ...extra, controlPlane: { ...TUTORIAL.controlPlane, ...controlPlane } })).get('pods'));
    expect(without({})).toContain('CoreDNS: 1');
    expect(without({ coredns: { embedded: true } })).not.toContain('CoreDNS: 1');
    expect(without({ coredns: { enabled: false } })).not.toContain('CoreDNS: 1');
    expect(without({}, { sync: { toHost: { pods: { enabled: false } } } })).not.toContain('CoreDNS: 1');
    expect(without({ coredns: { deployment: { replicas: 2 } } })).toContain('CoreDNS: 2');
  });

  test('fills unset resources as the API server does', () => {
    // A limit alone sets the request too; a LimitRange without a default limit falls back to its max,
    // and a default request to the default limit.
    const sidecar = { name: 'log', resources: { limits: { cpu: '300m' } } };
    const budget = budgetFor(tutorialWith(
      { limitRange: { default: { memory: '512Mi', cpu: null }, defaultRequest: { memory: '128Mi', cpu: null }, max: { cpu: '2' } } },
      { controlPlane: { ...TUTORIAL.controlPlane, statefulSet: { ...TUTORIAL.controlPlane.statefulSet, sidecarContainers: [sidecar] } } },
    ));
    // requests: syncer 200m + log 300m; etcd takes 20m; CoreDNS 20m.
    expect(users(budget.get('cpu'))).toEqual(['control plane Deployment vc1: 500m', 'etcd StatefulSet vc1-etcd: 20m', 'CoreDNS: 20m']);
    // limits: syncer 2 (max) + log 300m; etcd 2 (max); CoreDNS 1.
    expect(users(budget.get('limits.cpu'))).toEqual(['control plane Deployment vc1: 2300m', 'etcd StatefulSet vc1-etcd: 2', 'CoreDNS: 1']);
  });

  test('applies quota scopes to the pods they select', () => {
    const high = budgetFor(
      tutorialWith({ resourceQuota: { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }] } } }),
    );
    expect(summary(high.get('pods'))).toBe('15 / 0 / 15');
    // A scoped quota counts pods only, not claims.
    expect(summary(high.get('requests.storage'))).toBe('20Gi / 0 / 20Gi');
    const controlPlaneOnly = budgetFor(tutorialWith(
      { resourceQuota: { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['vc'] }] } } },
      { controlPlane: { ...TUTORIAL.controlPlane, statefulSet: { ...TUTORIAL.controlPlane.statefulSet, scheduling: { priorityClassName: 'vc' } } } },
    ));
    expect(users(controlPlaneOnly.get('pods'))).toEqual(['control plane Deployment vc1: 1']);
    // With the LimitRange every pod requests cpu and memory: none is BestEffort.
    expect(summary(budgetFor(tutorialWith({ resourceQuota: { scopes: ['BestEffort'] } })).get('pods'))).toBe('15 / 0 / 15');
    expect(summary(budgetFor(tutorialWith({ resourceQuota: { scopes: ['NotBestEffort', 'NotTerminating'] } })).get('pods'))).toBe('15 / 3 / 12');
  });

  test("fails when the quota allows none of the node ports the control plane's Service takes", () => {
    const e = errorFor(tutorialWith({}, { controlPlane: { ...TUTORIAL.controlPlane, service: { spec: { type: 'NodePort' } } } }));
    expect(e.message).toMatch(
      /^policies\.resourceQuota\.quota\["services\.nodeports"\]: got 0, but the virtual cluster itself needs 2 of services\.nodeports \(Service vc1 2\)/,
    );
  });
});
