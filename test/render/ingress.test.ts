import { contextFor } from './context-helper';
import { ValueMap } from '../../src/values/value-map';
import { renderIngress } from '../../src/render/ingress';

const ingress = (config: ValueMap = {}, extra: ValueMap = {}): any => {
  const objects = renderIngress(contextFor({ ...extra, controlPlane: { ...(extra.controlPlane ?? {}), ingress: { enabled: true, ...config } } }));
  expect(objects.map((o) => o.id)).toEqual(['Ingress']);
  return objects[0].manifest;
};

describe('ingress', () => {
  test('renders the ingress only when it is enabled', () => {
    expect(renderIngress(contextFor({}))).toEqual([]);
    expect(ingress().metadata).toMatchObject({ name: 'vc1', namespace: 'team-a' });
  });

  test('routes the host to the control plane service', () => {
    expect(ingress({ host: 'vc.example.com' }).spec.rules).toEqual([{
      host: 'vc.example.com',
      http: { paths: [{ backend: { service: { name: 'vc1', port: { name: 'https' } } }, path: '/', pathType: 'ImplementationSpecific' }] },
    }]);
  });

  test('quotes the host, so a numeric host stays a string', () => {
    expect(ingress({ host: 1234 }).spec.rules[0].host).toBe('1234');
  });

  test('renders templates in the user spec and keeps its rules', () => {
    const spec = ingress({ spec: { tls: [{ secretName: '{{ .Release.Name }}-tls' }], rules: [{ host: 'own' }] } }).spec;
    expect(spec).toEqual({ tls: [{ secretName: 'vc1-tls' }], rules: [{ host: 'own' }] });
  });

  test('lets the ingress annotations win over the global ones', () => {
    const md = ingress(
      { annotations: { a: 'own' } },
      { controlPlane: { advanced: { globalMetadata: { annotations: { a: 'global', g: '1' } } } } },
    ).metadata;
    expect(md.annotations).toMatchObject({ a: 'own', g: '1', 'nginx.ingress.kubernetes.io/ssl-passthrough': 'true' });
  });
});
