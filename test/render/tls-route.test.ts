import { contextFor } from './context-helper';
import { ValueMap } from '../../src/values/value-map';
import { renderTlsRoute } from '../../src/render/tls-route';

const route = (config: ValueMap = {}): any => {
  const objects = renderTlsRoute(contextFor({ controlPlane: { tlsRoute: { enabled: true, ...config } } }));
  expect(objects.map((o) => o.id)).toEqual(['TLSRoute']);
  return objects[0].manifest;
};

describe('TLS route', () => {
  test('renders the TLSRoute only when it is enabled', () => {
    expect(renderTlsRoute(contextFor({}))).toEqual([]);
    expect(route().apiVersion).toBe('gateway.networking.k8s.io/v1');
  });

  test('routes the host to the control plane service by default', () => {
    expect(route({ host: 'vc.example.com' }).spec).toEqual({
      hostnames: ['vc.example.com'],
      rules: [{ backendRefs: [{ name: 'vc1', port: 443 }] }],
    });
  });

  test('takes parent refs from the top-level field unless the spec has its own', () => {
    expect(route({ parentRefs: [{ name: 'gw' }] }).spec.parentRefs).toEqual([{ name: 'gw' }]);
    expect(route({ parentRefs: [{ name: 'gw' }], spec: { parentRefs: [{ name: 'mine' }] } }).spec.parentRefs).toEqual([{ name: 'mine' }]);
  });

  test('renders templates in the user spec', () => {
    const spec = route({ spec: { hostnames: ['{{ .Release.Name }}.example.com'] } }).spec;
    expect(spec.hostnames).toEqual(['vc1.example.com']);
    expect(spec.rules).toEqual([{ backendRefs: [{ name: 'vc1', port: 443 }] }]);
  });

  test('refuses a route without an API version, naming the key', () => {
    expect(() => renderTlsRoute(contextFor({ controlPlane: { tlsRoute: { enabled: true, apiVersion: '' } } })))
      .toThrow(/controlPlane\.tlsRoute\.apiVersion/);
  });
});
