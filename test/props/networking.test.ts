import { parse } from 'yaml';
import { synthVCluster, manifest } from '../typed-helper';
import { vc1 } from '../import/import-helper';
import { runProgram } from '../import/program-runner';
import { compareManifests } from '../conformance/compare';
import { renderTemplate } from '../../src/cli/template';

describe('the networking prop', () => {
  test('writes replicated services, DNS rules, CIDRs and the advanced settings where vCluster reads them', () => {
    const { vc } = synthVCluster({
      networking: {
        replicateServices: {
          toHost: [{ from: 'team-a/api', to: 'team-a-api' }],
          fromHost: [{ from: 'shared/postgres', to: 'default/postgres' }],
        },
        resolveDNS: [{ hostname: 'wikipedia.com', target: { hostname: 'en.wikipedia.org' } }],
        serviceCIDR: '10.128.0.0/16',
        podCIDR: '10.64.0.0/16',
        clusterDomain: 'tenant.local',
        fallbackHostCluster: true,
        proxyKubelets: { byIP: false },
      },
    });
    expect(vc.values.networking).toEqual({
      replicateServices: {
        toHost: [{ from: 'team-a/api', to: 'team-a-api' }],
        fromHost: [{ from: 'shared/postgres', to: 'default/postgres' }],
      },
      resolveDNS: [{ hostname: 'wikipedia.com', target: { hostname: 'en.wikipedia.org' } }],
      serviceCIDR: '10.128.0.0/16',
      podCIDR: '10.64.0.0/16',
      advanced: { clusterDomain: 'tenant.local', fallbackHostCluster: true, proxyKubelets: { byHostname: true, byIP: false } },
    });
  });

  test('services replicated from the host let the control plane read services in every namespace', () => {
    expect(synthVCluster().manifests.filter((m) => m.kind === 'ClusterRole')).toEqual([]);
    const { manifests } = synthVCluster({ networking: { replicateServices: { fromHost: [{ from: 'shared/db', to: 'default/db' }] } } });
    expect(manifest(manifests, 'ClusterRole').rules).toContainEqual(expect.objectContaining({ resources: ['services', 'endpoints'] }));
  });

  test.each([
    [{ toHost: [{ from: 'api', to: 'api' }] }, 'networking.replicateServices.toHost[0].from', 'expected the virtual Service as namespace/name'],
    [{ toHost: [{ from: 'a/api', to: 'b/api' }] }, 'networking.replicateServices.toHost[0].to', 'without a namespace'],
    [{ fromHost: [{ from: 'a/b/c', to: 'default/c' }] }, 'networking.replicateServices.fromHost[0].from', 'namespace/name'],
    [{ fromHost: [{ from: 'shared/db', to: 'db' }] }, 'networking.replicateServices.fromHost[0].to', 'the virtual Service as namespace/name'],
  ])('fails when a replicated service is not named as vCluster parses it (%j)', (replicateServices, path, text) => {
    expect(() => synthVCluster({ networking: { replicateServices } })).toThrow(path);
    expect(() => synthVCluster({ networking: { replicateServices } })).toThrow(text);
  });

  test.each([
    [{ target: { ip: '10.0.0.1' } }, 'networking.resolveDNS[0]', 'give exactly one of hostname, service and namespace'],
    [{ hostname: 'a.com', target: { hostname: 'b.com', ip: '10.0.0.1' } }, 'networking.resolveDNS[0].target', 'give exactly one of hostname, ip'],
    [{ service: 'svc', target: { ip: '10.0.0.1' } }, 'networking.resolveDNS[0].service', 'namespace/name'],
    [{ namespace: 'a', target: { ip: '10.0.0.1' } }, 'networking.resolveDNS[0].target', 'needs target.hostNamespace'],
    [{ hostname: '*.a.com', target: { ip: '10.0.0.1' } }, 'networking.resolveDNS[0].target', 'needs a target.hostname with a wildcard'],
    [{ hostname: 'a.*.com', target: { hostname: 'b.com' } }, 'networking.resolveDNS[0].hostname', 'as prefix or suffix'],
    [{ hostname: 'a.com', target: { ip: '10.0.0.300' } }, 'networking.resolveDNS[0].target.ip', 'expected an IPv4 or IPv6 address'],
    [{ service: 'a/b', target: { vClusterService: 'ns/vc/b' } }, 'networking.resolveDNS[0].target.vClusterService', 'hostNamespace/vClusterName'],
  ])('fails when a DNS rule breaks what vCluster checks when it starts (%j)', (rule, path, text) => {
    const make = () => synthVCluster({ networking: { resolveDNS: [rule as never] } });
    expect(make).toThrow(`${path}:`);
    expect(make).toThrow(text);
  });

  test('fails when a CIDR is no CIDR, naming the prop', () => {
    expect(() => synthVCluster({ networking: { podCIDR: '10.64.0.0' } })).toThrow(
      'networking.podCIDR: expected a CIDR such as "10.128.0.0/16". Got "10.64.0.0".');
    expect(() => synthVCluster({ networking: { serviceCIDR: '10.64.0.0/33' } })).toThrow('networking.serviceCIDR');
  });

  test('imports the upstream service sync and kubelet proxy values as the networking prop', () => {
    const yaml = `
networking:
  replicateServices:
    toHost:
      - from: tohost-svc/svc-test
        to: svc-test
    fromHost:
      - from: fromhost-svc/svc-test
        to: default/svc-test
  resolveDNS:
    - service: my-namespace/my-svc
      target:
        hostService: dns-test/nginx-svc
  advanced:
    clusterDomain: tenant.local
    proxyKubelets:
      byHostname: false
      byIP: false
`;
    const result = vc1(yaml);
    expect(result.raw).toEqual({});
    expect(result.typedProps).toEqual(['networking']);
    expect(result.program).toContain("toHost: [{ from: 'tohost-svc/svc-test', to: 'svc-test' }]");
    expect(result.program).toContain("resolveDNS: [{ service: 'my-namespace/my-svc', target: { hostService: 'dns-test/nginx-svc' } }]");
    expect(result.program).toContain('proxyKubelets: { byHostname: false, byIP: false }');
    const expected = renderTemplate({ name: 'vc1', namespace: 'vc1', values: [parse(yaml)] });
    expect(compareManifests(expected, runProgram(result.program), true)).toEqual([]);
  });
});
