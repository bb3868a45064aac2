import { NetworkPolicy, NetworkPolicyControlPlane, NetworkPolicyWorkload, NetworkPolicyWorkloadPublicEgress } from '../../imports/chart-versions';
import { chartLabel, Manifest, mergedAnnotations, RenderContext, RenderedObject } from './context';
import { mapArgument, mergeMaps, plain, userList } from './go-template';
import { truthy } from '../values/go-values';
import { clone, Value, ValueMap } from '../values/value-map';

const POLICY_PATH = 'policies.networkPolicy';

/**
 * `policies.networkPolicy`: isolates the vCluster's workloads, control plane, CoreDNS and snapshot
 * jobs from the rest of the host cluster, allowing only the traffic the vCluster needs plus the
 * user's extra rules.
 */
export function renderNetworkPolicies(ctx: RenderContext): RenderedObject[] {
  const policy: NetworkPolicy = ctx.values.policies?.networkPolicy ?? {};
  if (!truthy(policy.enabled)) return [];
  const privateNodes = truthy(ctx.values.privateNodes?.enabled);
  const coredns = ctx.values.controlPlane?.coredns ?? {};

  // The chart's own labels win over the user's; the policy's annotations fill in the global ones.
  const labels = mergeMaps(
    { app: 'vcluster', chart: chartLabel(ctx), release: ctx.release.name, heritage: 'Helm' },
    mapArgument(policy.labels, 'policies.networkPolicy.labels'),
  );
  const annotations = mergedAnnotations(ctx, policy.annotations, 'policies.networkPolicy.annotations', 'global');
  const object = (id: string, name: string, spec: ValueMap): RenderedObject => ({
    id,
    manifest: networkPolicy(ctx, name, labels, annotations, spec),
  });

  const out: RenderedObject[] = [];
  if (!privateNodes) out.push(object('WorkloadNetworkPolicy', `vc-work-${ctx.release.name}`, workloadSpec(ctx, policy)));
  out.push(object('ControlPlaneNetworkPolicy', `vc-cp-${ctx.release.name}`, controlPlaneSpec(ctx, policy)));
  // A separate CoreDNS deployment runs as a workload on the host; private nodes run it on their own.
  if (truthy(coredns.enabled) && !truthy(coredns.embedded) && !privateNodes) {
    out.push(object('KubeDnsNetworkPolicy', `vc-kube-dns-${ctx.release.name}`, kubeDnsSpec(ctx)));
  }
  out.push(object('SnapshotNetworkPolicy', `vc-snapshot-${ctx.release.name}`, snapshotSpec(ctx)));
  return out;
}

function networkPolicy(ctx: RenderContext, name: string, labels: ValueMap, annotations: ValueMap, spec: ValueMap): Manifest {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name,
      namespace: ctx.release.namespace,
      labels: clone(labels),
      ...(truthy(annotations) ? { annotations: clone(annotations) } : {}),
    },
    spec,
  };
}

const POLICY_TYPES = ['Egress', 'Ingress'];
const HOST_DNS = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
  podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
};
const HOST_API_PORTS = [{ port: 443, protocol: 'TCP' }, { port: 8443, protocol: 'TCP' }, { port: 6443, protocol: 'TCP' }];
const PLATFORM = { podSelector: { matchLabels: { app: 'loft' } }, namespaceSelector: {} };

function controlPlanePods(ctx: RenderContext): ValueMap {
  return { podSelector: { matchLabels: { release: ctx.release.name } } };
}

function workloadPods(ctx: RenderContext): ValueMap {
  return { podSelector: { matchLabels: { 'vcluster.loft.sh/managed-by': ctx.release.name } } };
}

/** Workloads reach the vCluster's DNS and API server and each other, plus public egress if allowed. */
function workloadSpec(ctx: RenderContext, policy: NetworkPolicy): ValueMap {
  const workload: NetworkPolicyWorkload = policy.workload ?? {};
  const egress: Value[] = [
    {
      ports: [{ port: 1053, protocol: 'UDP' }, { port: 1053, protocol: 'TCP' }, { port: 8443, protocol: 'TCP' }],
      to: [controlPlanePods(ctx)],
    },
    { to: [workloadPods(ctx)] },
  ];
  const publicEgress: NetworkPolicyWorkloadPublicEgress = workload.publicEgress ?? {};
  if (truthy(publicEgress.enabled)) {
    const ipBlock: ValueMap = { cidr: plain(publicEgress.cidr) };
    if (publicEgress.except != null) ipBlock.except = clone(publicEgress.except);
    egress.push({ to: [{ ipBlock }] });
  }
  egress.push(...userRules(workload.egress, `${POLICY_PATH}.workload.egress`));
  return {
    podSelector: { matchLabels: { 'vcluster.loft.sh/managed-by': ctx.release.name } },
    policyTypes: [...POLICY_TYPES],
    egress,
    ingress: [
      { from: [controlPlanePods(ctx)] },
      { from: [workloadPods(ctx)] },
      ...userRules(workload.ingress, `${POLICY_PATH}.workload.ingress`),
    ],
  };
}

/** The control plane reaches the host's DNS and API server, its peers, its workloads and the platform. */
function controlPlaneSpec(ctx: RenderContext, policy: NetworkPolicy): ValueMap {
  const controlPlane: NetworkPolicyControlPlane = policy.controlPlane ?? {};
  return {
    podSelector: { matchLabels: { release: ctx.release.name } },
    policyTypes: [...POLICY_TYPES],
    egress: [
      { to: [clone(HOST_DNS)] },
      { ports: clone(HOST_API_PORTS) },
      { to: [controlPlanePods(ctx)] },
      { to: [workloadPods(ctx)] },
      { to: [clone(PLATFORM)] },
      ...userRules(controlPlane.egress, `${POLICY_PATH}.controlPlane.egress`),
    ],
    ingress: [
      // External clients (kubectl, ingress controllers, gateways, konnectivity) reach the API server.
      { ports: [{ port: 8443, protocol: 'TCP' }] },
      { from: [controlPlanePods(ctx)] },
      {
        ports: [{ port: 1053, protocol: 'UDP' }, { port: 1053, protocol: 'TCP' }, { port: 8443, protocol: 'TCP' }],
        from: [workloadPods(ctx)],
      },
      { from: [{ podSelector: { matchLabels: { app: 'vcluster-snapshot' } } }] },
      { from: [clone(PLATFORM)] },
      ...userRules(controlPlane.ingress, `${POLICY_PATH}.controlPlane.ingress`),
    ],
  };
}

/** CoreDNS forwards to the host's DNS and watches the API server; workloads query it. */
function kubeDnsSpec(ctx: RenderContext): ValueMap {
  return {
    podSelector: { matchLabels: { 'k8s-app': 'vcluster-kube-dns', 'vcluster.loft.sh/managed-by': ctx.release.name } },
    policyTypes: [...POLICY_TYPES],
    egress: [
      { to: [clone(HOST_DNS)] },
      { ports: [{ port: 8443, protocol: 'TCP' }], to: [controlPlanePods(ctx)] },
    ],
    ingress: [
      { ports: [{ port: 1053, protocol: 'TCP' }, { port: 1053, protocol: 'UDP' }], from: [workloadPods(ctx)] },
    ],
  };
}

/** Snapshot jobs talk to the control plane, the host's DNS and the host's API server. */
function snapshotSpec(ctx: RenderContext): ValueMap {
  return {
    podSelector: { matchLabels: { app: 'vcluster-snapshot' } },
    policyTypes: [...POLICY_TYPES],
    egress: [
      { to: [controlPlanePods(ctx)] },
      { to: [clone(HOST_DNS)] },
      { ports: clone(HOST_API_PORTS) },
    ],
  };
}

/** The user's extra rules, appended to the chart's list of rules. */
function userRules(v: Value, path: string): Value[] {
  return userList(v, path, { expected: 'a list of NetworkPolicy rules', hint: 'Write each rule as a list item (- ports: ...).' });
}
