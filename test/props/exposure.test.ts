import { HttpIngressPathType, ServiceType } from 'cdk8s-plus-31';
import { renderTemplate } from '../../src/cli/template';
import { compareManifests } from '../conformance/compare';
import { vc1, expectTypedImport } from '../import/import-helper';
import { runProgram } from '../import/program-runner';
import { manifest, synthVCluster } from '../typed-helper';

describe('the exposure props', () => {
  test('service type and annotations reach the control plane Service', () => {
    const { manifests } = synthVCluster({
      service: { type: ServiceType.LOAD_BALANCER, annotations: { 'metallb.universe.tf/loadBalancerIPs': '192.168.218.180' } },
    });
    const service = manifest(manifests, 'Service', 'vc1');
    expect(service.spec.type).toBe('LoadBalancer');
    expect(service.metadata.annotations).toEqual({ 'metallb.universe.tf/loadBalancerIPs': '192.168.218.180' });
  });

  test('an ingress keeps the chart\'s ssl-passthrough annotations and takes class, TLS and path type', () => {
    const { manifests } = synthVCluster({
      ingress: {
        host: 'vc1.example.com',
        ingressClassName: 'nginx',
        pathType: HttpIngressPathType.PREFIX,
        tls: { secretName: 'vc1-tls' },
        annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' },
      },
    });
    const ingress = manifest(manifests, 'Ingress', 'vc1');
    expect(ingress.metadata.annotations).toEqual({
      'nginx.ingress.kubernetes.io/backend-protocol': 'HTTPS',
      'nginx.ingress.kubernetes.io/ssl-passthrough': 'true',
      'nginx.ingress.kubernetes.io/ssl-redirect': 'true',
      'cert-manager.io/cluster-issuer': 'letsencrypt',
    });
    expect(ingress.spec.ingressClassName).toBe('nginx');
    expect(ingress.spec.tls).toEqual([{ hosts: ['vc1.example.com'], secretName: 'vc1-tls' }]);
    expect(ingress.spec.rules[0]).toMatchObject({ host: 'vc1.example.com', http: { paths: [{ path: '/', pathType: 'Prefix' }] } });
  });

  test('the certificate names include the ingress host first, each name once', () => {
    const { vc } = synthVCluster({ ingress: { host: 'vc1.example.com' }, extraSans: ['192.168.218.180', 'vc1.example.com'] });
    expect(vc.values.controlPlane.proxy.extraSANs).toEqual(['vc1.example.com', '192.168.218.180']);
  });

  test('extraSan: false leaves the ingress host out of the certificate names, which vCluster adds itself', () => {
    expect(synthVCluster({ ingress: { host: 'vc1.example.com', extraSan: false } }).vc.values.controlPlane.proxy.extraSANs).toEqual([]);
    const { vc } = synthVCluster({ ingress: { host: 'vc1.example.com', extraSan: false }, extraSans: ['192.168.218.180'] });
    expect(vc.values.controlPlane.proxy.extraSANs).toEqual(['192.168.218.180']);
  });

  test('imports an ingress whose host the values do not list in extraSANs, rendering what the chart renders', () => {
    for (const [yaml, snippet] of [
      ['controlPlane:\n  ingress:\n    enabled: true\n    host: vc.example.com\n', "ingress: { extraSan: false, host: 'vc.example.com' }"],
      ['controlPlane:\n  ingress:\n    enabled: true\n    host: vc.example.com\n  proxy:\n    extraSANs: [a.example.com]\n',
        "ingress: { extraSan: false, host: 'vc.example.com' }"],
      ['controlPlane:\n  ingress:\n    enabled: true\n    host: vc.example.com\n  proxy:\n    extraSANs: [vc.example.com]\n',
        "ingress: { host: 'vc.example.com' }"],
    ] as const) {
      expectTypedImport(yaml, snippet);
    }
  });

  test('the exported kubeconfig points at the ingress unless a server is given', () => {
    const byIngress = synthVCluster({ ingress: { host: 'vc1.example.com' }, exportKubeConfig: { context: 'vc1' } }).vc.values.exportKubeConfig;
    expect(byIngress).toMatchObject({ context: 'vc1', server: 'https://vc1.example.com' });
    const explicit = synthVCluster({
      ingress: { host: 'vc1.example.com' },
      exportKubeConfig: { server: 'https://192.168.218.180', secret: { name: 'vc1-kubeconfig' } },
    }).vc.values.exportKubeConfig;
    expect(explicit).toMatchObject({ server: 'https://192.168.218.180', secret: { name: 'vc1-kubeconfig', namespace: '' } });
  });

  test('without an ingress, the kubeconfig keeps vCluster\'s server', () => {
    expect(synthVCluster({ exportKubeConfig: { context: 'vc1' } }).vc.values.exportKubeConfig.server).toBe('');
  });

  test('fails when an ingress has no host', () => {
    expect(() => synthVCluster({ ingress: {} as any })).toThrow(
      'ingress.host: required, but not given. Set it.',
    );
  });

  test('fails when the ingress host is a URL', () => {
    expect(() => synthVCluster({ ingress: { host: 'https://vc1.example.com' } })).toThrow(
      'ingress.host: the ingress host must be a DNS host name such as "vc1.example.com" (no scheme, port or path). Got "https://vc1.example.com".',
    );
  });

  test('fails when a node port is out of the node port range, naming the typed prop path', () => {
    expect(() => synthVCluster({ service: { type: ServiceType.NODE_PORT, httpsNodePort: 8443 } })).toThrow(
      "service.httpsNodePort: expected 0 (Kubernetes picks the port) or a node port from 30000 to 32767 (Kubernetes' default " +
        "--service-node-port-range), got 8443. Use 0 or a port in that range.",
    );
  });

  test('fails when a node port from raw values is out of range, naming the values path', () => {
    expect(() => synthVCluster({ service: { type: ServiceType.NODE_PORT }, values: { controlPlane: { service: { httpsNodePort: 8443 } } } })).toThrow(
      /\[test\/vc1\] release vc1: controlPlane\.service\.httpsNodePort: expected 0 \(Kubernetes picks the port\) or a node port from 30000 to 32767/,
    );
  });

  test('fails when the service type is unknown, naming the typed prop path', () => {
    expect(() => synthVCluster({ service: { type: 'Nodeport' as ServiceType } })).toThrow(
      /\[test\/vc1\] release vc1: service\.type: expected one of ClusterIP, NodePort, LoadBalancer, ExternalName, got "Nodeport".*Did you mean NodePort\?/,
    );
  });

  test('fails when a node port is given for a ClusterIP service', () => {
    expect(() => synthVCluster({ service: { httpsNodePort: 30443 } })).toThrow(
      'service.httpsNodePort: needs service.type NODE_PORT or LOAD_BALANCER (got the default CLUSTER_IP); set the type or leave the node ' +
        'port out. Got 30443.',
    );
  });

  test('fails when the kubeconfig server is not a URL', () => {
    expect(() => synthVCluster({ exportKubeConfig: { server: 'vc1.example.com' } })).toThrow(
      'exportKubeConfig.server: must be a URL such as "https://vc1.example.com". Got "vc1.example.com".',
    );
  });

  test('additional kubeconfig Secrets are written beside vc-<name>, each with its own settings; another namespace gets its Role', () => {
    const { vc, manifests } = synthVCluster({
      ingress: { host: 'vc1.example.com' },
      exportKubeConfig: {
        context: 'vc1',
        additionalSecrets: [
          { name: 'vc-my-domain', context: 'my-domain-context', server: 'https://my-domain.org:443' },
          { name: 'kubeconfig-viewer', namespace: 'tools', serviceAccount: { name: 'my-viewer', namespace: 'kube-system', clusterRole: 'view' } },
        ],
      },
    });
    expect(vc.values.exportKubeConfig).toMatchObject({
      context: 'vc1',
      server: 'https://vc1.example.com',
      additionalSecrets: [
        { name: 'vc-my-domain', context: 'my-domain-context', server: 'https://my-domain.org:443' },
        { name: 'kubeconfig-viewer', namespace: 'tools', serviceAccount: { name: 'my-viewer', namespace: 'kube-system', clusterRole: 'view' } },
      ],
    });
    expect(manifest(manifests, 'Role', 'vc-vc1-kubeconfig').metadata.namespace).toBe('tools');
  });

  test('fails when an additional kubeconfig Secret has neither name nor namespace, or its server is not a URL', () => {
    expect(() => synthVCluster({ exportKubeConfig: { additionalSecrets: [{ context: 'a' }] } })).toThrow(
      'exportKubeConfig.additionalSecrets[0]: give the Secret\'s name, its namespace or both. Got {"context":"a"}.',
    );
    expect(() => synthVCluster({ exportKubeConfig: { additionalSecrets: [{ name: 'a' }, { name: 'b', server: 'my-domain.org' }] } })).toThrow(
      'exportKubeConfig.additionalSecrets[1].server: must be a URL such as "https://vc1.example.com". Got "my-domain.org".',
    );
  });

  test('fails when the deprecated kubeconfig secret is given beside additional Secrets, which vCluster does not take together', () => {
    expect(() => synthVCluster({ exportKubeConfig: { secret: { name: 'old' }, additionalSecrets: [{ name: 'new' }] } })).toThrow(
      'exportKubeConfig.additionalSecrets: vCluster writes either secret (deprecated) or additionalSecrets, not both; move the secret ' +
        'into additionalSecrets. Got [{"name":"new"}].',
    );
  });

  test('imports the docs\' additional kubeconfig Secrets as typed props that render what the chart renders', () => {
    const result = vc1(`
exportKubeConfig:
  context: default
  server: https://vcluster-name.vcluster-namespace.svc.cluster.local:443
  insecure: true
  additionalSecrets:
  - name: vcluster-flux-kubeconfig
    context: default
    server: https://vcluster-name.vcluster-namespace.svc.cluster.local:443
    insecure: true
  - name: kubeconfig-viewer
    namespace: vc1
    serviceAccount:
      name: my-viewer
      clusterRole: view
`);
    expect(result.raw).toEqual({});
    expect(result.program).toContain('additionalSecrets: [');
    expect(result.program).toContain("serviceAccount: { name: 'my-viewer', clusterRole: 'view' }");
    const { options } = result;
    const expected = renderTemplate({ name: options.name, namespace: options.namespace, values: options.values });
    expect(compareManifests(expected, runProgram(result.program), true)).toEqual([]);
  });
});
