import { renderTemplate } from '../../src/cli/template';
import { compareManifests } from '../conformance/compare';
import { vc1 } from '../import/import-helper';
import { runProgram } from '../import/program-runner';
import { manifest, synthVCluster } from '../typed-helper';

describe('the endpoint and kubeVip props', () => {
  test('kube-vip announces the endpoint; the control-plane container gets the capabilities it needs', () => {
    const { vc, manifests } = synthVCluster({
      privateNodes: true, endpoint: '10.100.0.100:8443', kubeVip: { interface: 'eth0', gateway: '10.100.0.1/24' },
    });
    expect(vc.values.controlPlane.endpoint).toBe('10.100.0.100:8443');
    expect(vc.values.controlPlane.advanced.kubeVip).toEqual({ enabled: true, interface: 'eth0', gateway: '10.100.0.1/24' });
    const container = manifest(manifests, 'StatefulSet', 'vc1').spec.template.spec.containers[0];
    expect(container.securityContext.capabilities.add).toEqual(['NET_ADMIN', 'NET_RAW']);
  });

  test('fails when the endpoint is not host:port', () => {
    for (const endpoint of ['10.100.0.100', 'https://10.100.0.100:8443', '10.100.0.100:0', 'fd00::10:8443']) {
      expect(() => synthVCluster({ privateNodes: true, endpoint })).toThrow(
        `endpoint: must be host:port, e.g. "10.100.0.100:8443" (an IPv6 address in brackets: "[fd00::10]:8443"). Got "${endpoint}".`,
      );
    }
    expect(synthVCluster({ privateNodes: true, endpoint: '[fd00::10]:8443' }).vc.values.controlPlane.endpoint).toBe('[fd00::10]:8443');
  });

  test('fails when the kube-vip gateway is not in CIDR notation', () => {
    expect(() => synthVCluster({ privateNodes: true, endpoint: '10.100.0.100:8443', kubeVip: { gateway: '10.100.0.1' } })).toThrow(
      'kubeVip.gateway: must be the gateway in CIDR notation, with the prefix length, e.g. "10.100.0.1/24". Got "10.100.0.1".',
    );
  });

  test('imports the docs\' kube-vip settings as typed props that render what the chart renders', () => {
    const yaml = 'privateNodes:\n  enabled: true\ncontrolPlane:\n  endpoint: 10.100.0.100:8443\n  advanced:\n    kubeVip:\n'
      + '      enabled: true\n      interface: net1\n      gateway: 10.100.0.1/24\n';
    const result = vc1(yaml);
    expect(result.raw).toEqual({});
    expect(result.program).toContain("endpoint: '10.100.0.100:8443'");
    expect(result.program).toContain("kubeVip: { interface: 'net1', gateway: '10.100.0.1/24' }");
    const { options } = result;
    const expected = renderTemplate({ name: options.name, namespace: options.namespace, values: options.values });
    expect(compareManifests(expected, runProgram(result.program), true)).toEqual([]);
  });
});
