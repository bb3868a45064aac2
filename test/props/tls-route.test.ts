import { renderTemplate } from '../../src/cli/template';
import { compareManifests } from '../conformance/compare';
import { vc1 } from '../import/import-helper';
import { runProgram } from '../import/program-runner';
import { manifest, synthVCluster } from '../typed-helper';

describe('the tlsRoute prop', () => {
  test('renders a TLSRoute on the given Gateways to the control plane Service', () => {
    const { manifests } = synthVCluster({
      tlsRoute: { host: 'vc1.example.com', parentRefs: [{ name: 'my-gateway', namespace: 'gateways', sectionName: 'tls' }] },
    });
    const route = manifest(manifests, 'TLSRoute', 'vc1');
    expect(route.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(route.spec).toEqual({
      parentRefs: [{ name: 'my-gateway', namespace: 'gateways', sectionName: 'tls' }],
      hostnames: ['vc1.example.com'],
      rules: [{ backendRefs: [{ name: 'vc1', port: 443 }] }],
    });
  });

  test('fails when the route attaches to no Gateway', () => {
    expect(() => synthVCluster({ tlsRoute: { host: 'vc1.example.com', parentRefs: [] } })).toThrow(
      'tlsRoute.parentRefs: name the Gateway the route attaches to, e.g. [{ name: "my-gateway", namespace: "gateways" }]. Got [].',
    );
  });

  test('fails when the host is a URL or the API version is not Gateway API\'s', () => {
    expect(() => synthVCluster({ tlsRoute: { host: 'https://vc1.example.com', parentRefs: [{ name: 'gw' }] } })).toThrow(
      'tlsRoute.host: the TLSRoute host must be a DNS host name such as "vc1.example.com" (no scheme, port or path).',
    );
    expect(() => synthVCluster({ tlsRoute: { host: 'vc1.example.com', parentRefs: [{ name: 'gw' }], apiVersion: 'v1alpha2' } })).toThrow(
      'tlsRoute.apiVersion: must be a Gateway API version, e.g. "gateway.networking.k8s.io/v1". Got "v1alpha2".',
    );
  });

  test('imports the docs\' TLSRoute as typed props that render what the chart renders', () => {
    const result = vc1('controlPlane:\n  proxy:\n    extraSANs:\n    - my-vcluster.example.com\n  tlsRoute:\n    enabled: true\n'
      + '    host: my-vcluster.example.com\n    parentRefs:\n    - name: my-gateway\n      namespace: my-gateway-namespace\n');
    expect(result.raw).toEqual({});
    expect(result.program).toContain("host: 'my-vcluster.example.com'");
    expect(result.program).toContain("parentRefs: [{ name: 'my-gateway', namespace: 'my-gateway-namespace' }]");
    const { options } = result;
    const expected = renderTemplate({ name: options.name, namespace: options.namespace, values: options.values });
    expect(compareManifests(expected, runProgram(result.program), true)).toEqual([]);
  });
});
