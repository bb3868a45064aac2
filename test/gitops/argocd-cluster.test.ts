import { ExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret';
import { SecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1/SecretStore';
import { Chart, Testing } from 'cdk8s';
import { Role } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { VClusterProps } from '../../src';
import { ArgoCdCluster, ArgoCdClusterProps } from '../../src/gitops/argocd-cluster';
import { VCluster } from '../../src/vcluster';

// vCluster 0.36 pkg/util/kubeconfig: the Secret `vc-<name>` and its keys.
const VCLUSTER_KEYS = { ca: 'certificate-authority', cert: 'client-certificate', key: 'client-key', token: 'token' };

type Manifest = { [key: string]: any };

function synth(vcProps: VClusterProps = {}, props: Partial<ArgoCdClusterProps> = {}): Manifest[] {
  const app = Testing.app();
  const vcluster = new VCluster(new Chart(app, 'tenant'), 'vc1', { namespace: 'team-a', ...vcProps });
  const chart = new Chart(app, 'argocd');
  new ArgoCdCluster(chart, 'vc1', { vcluster, ...props });
  return Testing.synth(chart);
}

const find = (objects: Manifest[], kind: string) => objects.find((o) => o.kind === kind)!;

/**
 * The ESO v2 template as the operator renders it for these actions (`{{ .x | b64enc }}`,
 * `{{ .x | toJson }}`), with the given data: enough to read the cluster Secret ArgoCD gets.
 */
function render(template: string, data: { [key: string]: string }): string {
  return template.replace(/\{\{ \.(\w+) \| (b64enc|toJson) \}\}/g, (_m, key: string, fn: string) =>
    fn === 'b64enc' ? Buffer.from(data[key]).toString('base64') : JSON.stringify(data[key]));
}

/** The keys of `vc-<name>` each template variable is read from. */
function sources(es: Manifest): { [secretKey: string]: string } {
  return Object.fromEntries(es.spec.data.map((d: Manifest) => {
    expect(d.remoteRef.key).toBe('vc-vc1');
    return [d.secretKey, d.remoteRef.property];
  }));
}

describe('ArgoCdCluster', () => {
  test('writes ArgoCD\'s cluster Secret format from the virtual cluster\'s kubeconfig Secret, through a template', () => {
    const objects = synth({}, { labels: { tier: 'tenant' } });
    const es = find(objects, 'ExternalSecret');
    const template = es.spec.target.template;
    // ArgoCD declarative setup: a Secret labelled argocd.argoproj.io/secret-type: cluster with name, server and config.
    expect(es.metadata.namespace).toBe('argocd');
    expect(template.metadata.labels).toEqual({ 'argocd.argoproj.io/secret-type': 'cluster', 'tier': 'tenant' });
    expect(Object.keys(template.data).sort()).toEqual(['config', 'name', 'server']);
    expect(template.engineVersion).toBe('v2');
    expect(template.data.name).toBe('vc1');
    // The variables come from vCluster's keys.
    const from = sources(es);
    const pem = Object.fromEntries(Object.entries(from).map(([k, property]) => [k, `-----BEGIN ${property}-----`]));
    const config = JSON.parse(render(template.data.config, pem));
    // config: tlsClientConfig with caData, certData, keyData, each the base64 of the PEM.
    expect(config).toEqual({
      tlsClientConfig: {
        insecure: false,
        caData: Buffer.from(`-----BEGIN ${VCLUSTER_KEYS.ca}-----`).toString('base64'),
        certData: Buffer.from(`-----BEGIN ${VCLUSTER_KEYS.cert}-----`).toString('base64'),
        keyData: Buffer.from(`-----BEGIN ${VCLUSTER_KEYS.key}-----`).toString('base64'),
      },
    });
    expect(es.spec.target.creationPolicy).toBe('Owner');
    expect(() => new ExternalSecret({ ...es, apiVersion: 'external-secrets.io/v1beta1' } as never).validate()).not.toThrow();
  });

  test('reads with a store whose ServiceAccount may get only the kubeconfig Secret in the virtual cluster\'s namespace', () => {
    const objects = synth();
    const store = find(objects, 'SecretStore');
    const sa = find(objects, 'ServiceAccount');
    const role = find(objects, 'Role');
    const binding = find(objects, 'RoleBinding');
    expect(store.metadata.namespace).toBe('argocd');
    expect(store.spec.provider.kubernetes).toEqual({
      remoteNamespace: 'team-a',
      server: { caProvider: { type: 'ConfigMap', name: 'kube-root-ca.crt', key: 'ca.crt' } },
      auth: { serviceAccount: { name: sa.metadata.name } },
    });
    expect(find(objects, 'ExternalSecret').spec.secretStoreRef).toEqual({ kind: 'SecretStore', name: store.metadata.name });
    expect(role.metadata.namespace).toBe('team-a');
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['secrets'], resourceNames: ['vc-vc1'], verbs: ['get'] }]);
    expect(binding.metadata.namespace).toBe('team-a');
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role.metadata.name });
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: sa.metadata.name, namespace: 'argocd' }]);
    expect(() => new SecretStore({ ...store, apiVersion: 'external-secrets.io/v1beta1' } as never).validate()).not.toThrow();
    expect(() => new Role(role as never).validate()).not.toThrow();
    expect(() => new RoleBinding(binding as never).validate()).not.toThrow();
    expect(() => new ServiceAccount(sa as never).validate()).not.toThrow();
  });

  test('carries no certificate, key or token', () => {
    const text = JSON.stringify(synth());
    expect(text).not.toMatch(/BEGIN|PRIVATE|LS0tLS1CRUdJTi/);
    for (const o of synth()) expect(o.kind).not.toBe('Secret');
  });

  test('connects to the host Service by a name the certificate covers, verifying TLS', () => {
    const es = find(synth(), 'ExternalSecret');
    // vCluster's certificate: <name> and <name>.<namespace> (pkg/server/cert), the Service on port 443 (chart service.yaml).
    expect(es.spec.target.template.data.server).toBe('https://vc1.team-a');
    expect(JSON.parse(render(es.spec.target.template.data.config, { ca: 'a', cert: 'b', key: 'c' })).tlsClientConfig.insecure).toBe(false);
  });

  test('fails when the server is not a name of the certificate, naming the names and the opt-out', () => {
    expect(() => synth({}, { server: 'https://vc1.team-a.svc' })).toThrow(
      /server: the virtual cluster's certificate does not cover "vc1.team-a.svc".*It covers .*vc1, vc1.team-a.*insecureSkipTlsVerify: true/s);
  });

  test('takes the ingress host and extra names of the certificate as the server', () => {
    const props = { ingress: { host: 'vc1.example.com' }, extraSans: ['api.vc1.internal'] };
    const es = find(synth(props, { server: 'https://vc1.example.com' }), 'ExternalSecret');
    expect(es.spec.target.template.data.server).toBe('https://vc1.example.com');
    expect(() => synth(props, { server: 'https://api.vc1.internal:443' })).not.toThrow();
  });

  test('turns verification off only when asked, and then sends no CA', () => {
    const es = find(synth({}, { server: 'https://10.0.0.1', insecureSkipTlsVerify: true }), 'ExternalSecret');
    expect(Object.keys(sources(es)).sort()).toEqual(['cert', 'key']);
    const config = JSON.parse(render(es.spec.target.template.data.config, { cert: 'b', key: 'c' }));
    expect(config.tlsClientConfig.insecure).toBe(true);
    expect(config.tlsClientConfig).not.toHaveProperty('caData');
  });

  test('sends the ServiceAccount token as bearerToken when the kubeconfig carries one', () => {
    const es = find(synth({ exportKubeConfig: { serviceAccount: { name: 'argocd' } } }), 'ExternalSecret');
    expect(sources(es)).toEqual({ ca: VCLUSTER_KEYS.ca, token: VCLUSTER_KEYS.token });
    const config = JSON.parse(render(es.spec.target.template.data.config, { ca: 'a', token: 'eyJ.x.y' }));
    expect(config).toEqual({ bearerToken: 'eyJ.x.y', tlsClientConfig: { insecure: false, caData: Buffer.from('a').toString('base64') } });
  });

  test('writes user strings of the template as literal text, not as template actions', () => {
    const es = find(synth({}, { clusterName: 'vc1-{{ .key }}', labels: { team: '{{ .key }}' } }), 'ExternalSecret');
    expect(es.spec.target.template.data.name).toBe('vc1-{{ "{{" }} .key }}');
    expect(es.spec.target.template.metadata.labels.team).toBe('{{ "{{" }} .key }}');
  });

  test('orders the registration after the virtual cluster\'s Application (wave 0)', () => {
    for (const o of synth()) expect(o.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('1');
  });

  test('fails when a label would replace ArgoCD\'s cluster label', () => {
    expect(() => synth({}, { labels: { 'argocd.argoproj.io/secret-type': 'repository' } })).toThrow(/the construct sets that one/);
  });
});
