import { contextFor } from './context-helper';
import { ValueMap } from '../../src/values/value-map';
import { renderNetworkPolicies } from '../../src/render/network-policy';

const policies = (networkPolicy: ValueMap = {}, extra: ValueMap = {}): any[] =>
  renderNetworkPolicies(contextFor({ ...extra, policies: { networkPolicy: { enabled: true, ...networkPolicy } } }));

const byId = (objects: any[], id: string): any => objects.find((o) => o.id === id).manifest;

describe('network policies', () => {
  test('renders no policies unless they are enabled', () => {
    expect(renderNetworkPolicies(contextFor({}))).toEqual([]);
  });

  test('renders the workload, control plane, CoreDNS and snapshot policies', () => {
    expect(policies().map((o) => [o.id, o.manifest.metadata.name])).toEqual([
      ['WorkloadNetworkPolicy', 'vc-work-vc1'],
      ['ControlPlaneNetworkPolicy', 'vc-cp-vc1'],
      ['KubeDnsNetworkPolicy', 'vc-kube-dns-vc1'],
      ['SnapshotNetworkPolicy', 'vc-snapshot-vc1'],
    ]);
  });

  test('leaves out the workload and CoreDNS policies for private nodes', () => {
    expect(policies({}, { privateNodes: { enabled: true } }).map((o) => o.id)).toEqual(['ControlPlaneNetworkPolicy', 'SnapshotNetworkPolicy']);
  });

  test('leaves out the CoreDNS policy when CoreDNS is embedded', () => {
    expect(policies({}, { controlPlane: { coredns: { embedded: true } } }).map((o) => o.id)).not.toContain('KubeDnsNetworkPolicy');
  });

  test('allows public egress except the private ranges', () => {
    const egress = byId(policies(), 'WorkloadNetworkPolicy').spec.egress;
    expect(egress[2]).toEqual({
      to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['100.64.0.0/10', '127.0.0.0/8', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } }],
    });
    const without = byId(policies({ workload: { publicEgress: { enabled: false } } }), 'WorkloadNetworkPolicy').spec.egress;
    expect(without).toHaveLength(2);
  });

  test('appends the extra rules after the chart rules', () => {
    const objects = policies({
      controlPlane: { ingress: [{ ports: [{ port: 1 }] }], egress: [{ ports: [{ port: 2 }] }] },
      workload: { ingress: [{ ports: [{ port: 3 }] }], egress: [{ ports: [{ port: 4 }] }] },
    });
    expect(byId(objects, 'ControlPlaneNetworkPolicy').spec.ingress.at(-1)).toEqual({ ports: [{ port: 1 }] });
    expect(byId(objects, 'ControlPlaneNetworkPolicy').spec.egress.at(-1)).toEqual({ ports: [{ port: 2 }] });
    expect(byId(objects, 'WorkloadNetworkPolicy').spec.ingress.at(-1)).toEqual({ ports: [{ port: 3 }] });
    expect(byId(objects, 'WorkloadNetworkPolicy').spec.egress.at(-1)).toEqual({ ports: [{ port: 4 }] });
  });

  test('keeps the chart labels over the user labels and lets global annotations win', () => {
    const md = byId(policies(
      { labels: { app: 'mine', team: 'a' }, annotations: { a: 'own', b: 'own' } },
      { controlPlane: { advanced: { globalMetadata: { annotations: { a: 'global' } } } } },
    ), 'SnapshotNetworkPolicy').metadata;
    expect(md.labels).toMatchObject({ app: 'vcluster', release: 'vc1', team: 'a' });
    expect(md.annotations).toEqual({ a: 'global', b: 'own' });
  });

  test('refuses extra rules that are not a list, naming the key', () => {
    expect(() => policies({ controlPlane: { egress: { ports: [] } } })).toThrow(/policies\.networkPolicy\.controlPlane\.egress: expected a list/);
  });
});
