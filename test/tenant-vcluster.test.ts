import { Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-31';
import { TenantSize, TenantVCluster } from '../examples/tenant-vcluster';

function tenant(props: ConstructorParameters<typeof TenantVCluster>[2]) {
  const chart = Testing.chart();
  const vc = new TenantVCluster(chart, 'tenant', props);
  return { vc, manifests: Testing.synth(chart) };
}

describe('TenantVCluster, a company base class', () => {
  test('gives every team the company registry, rootless pods and the default quota', () => {
    const { vc, manifests } = tenant({ team: 'payments' });
    expect(vc.name).toBe('payments');
    expect(vc.namespace).toBe('tenant-payments');
    const images = manifests
      .filter((m) => m.kind === 'Deployment' || m.kind === 'StatefulSet')
      .flatMap((m) => [...(m.spec.template.spec.initContainers ?? []), ...m.spec.template.spec.containers])
      .map((c) => c.image);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image).toMatch(/^registry\.example\.com\//);
    expect(vc.values.controlPlane.statefulSet.security.containerSecurityContext).toMatchObject({
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
    });
    const quota = manifests.find((m) => m.kind === 'ResourceQuota');
    expect(quota.spec.hard).toMatchObject({ 'requests.cpu': '4', 'requests.memory': '8Gi', 'pods': '50', 'services.loadbalancers': '0' });
    expect(manifests.some((m) => m.kind === 'NetworkPolicy')).toBe(true);
  });

  test('lets a team size its quota within the caps and expose its API server', () => {
    const { vc, manifests } = tenant({
      team: 'search',
      cpu: Cpu.units(12),
      memory: Size.gibibytes(24),
      host: 'search.tenants.example.com',
      ingresses: true,
    });
    expect(manifests.find((m) => m.kind === 'ResourceQuota').spec.hard).toMatchObject({ 'requests.cpu': '12', 'requests.memory': '24Gi' });
    expect(vc.values.exportKubeConfig.server).toBe('https://search.tenants.example.com');
    expect(vc.values.sync.toHost.ingresses.enabled).toBe(true);
  });

  test('leaves what a team may use to the budget of the quota', () => {
    const pods = tenant({ team: 'payments' }).vc.quotaBudget?.find((line) => line.resource === 'pods');
    expect(pods?.users.map((u) => u.what)).toEqual(['control plane Deployment payments', 'etcd StatefulSet payments-etcd', 'CoreDNS']);
    expect(pods?.remaining).toBe('47');
  });

  test('fails when a team asks for more CPU than the platform allows', () => {
    expect(() => tenant({ team: 'ml', cpu: Cpu.units(64) })).toThrow(
      'cpu: a team may request at most 16 CPUs; ask the platform team for more. Got "64".',
    );
  });

  test('fails when a team picks a host outside the tenant domain', () => {
    expect(() => tenant({ team: 'ml', host: 'ml.example.com' })).toThrow('host: must be under tenants.example.com, e.g. ' +
      '"ml.tenants.example.com". Got "ml.example.com".');
  });

  test('sizes the quota S, M or L, and lets a team override the CPU of its size', () => {
    const hard = (props: ConstructorParameters<typeof TenantVCluster>[2]) =>
      tenant(props).manifests.find((m) => m.kind === 'ResourceQuota').spec.hard;
    expect(hard({ team: 'a', size: TenantSize.S })).toMatchObject({ 'requests.cpu': '2', 'requests.memory': '4Gi', pods: '20', 'count/pods': '20' });
    expect(hard({ team: 'a', size: TenantSize.L })).toMatchObject({
      'requests.cpu': '8',
      'requests.memory': '16Gi',
      pods: '100',
      'count/pods': '100',
    });
    expect(hard({ team: 'a', size: TenantSize.L, cpu: Cpu.units(12) })).toMatchObject({ 'requests.cpu': '12', 'requests.memory': '16Gi' });
  });

  test('takes a team\'s raw values outside what the platform fixes', () => {
    const { vc } = tenant({ team: 'ml', values: { controlPlane: { coredns: { deployment: { replicas: 2 } } } } });
    expect(vc.values.controlPlane.coredns.deployment.replicas).toBe(2);
  });

  test('fails when a team\'s raw values change the network policy', () => {
    expect(() => tenant({ team: 'ml', values: { policies: { networkPolicy: { enabled: false } } } })).toThrow(
      'values.policies.networkPolicy: the platform sets the network isolation for every tenant; a team cannot change it. Remove it from ' +
        'values, or ask the platform team.',
    );
  });

  test('fails when a team\'s raw values change a security context rootless mode sets', () => {
    expect(() =>
      tenant({ team: 'ml', values: { controlPlane: { statefulSet: { security: { containerSecurityContext: { runAsUser: 0 } } } } } }),
    ).toThrow(
      'values.controlPlane.statefulSet.security: the platform sets rootless pods for every tenant; a team cannot change it. Remove it from ' +
        'values, or ask the platform team.',
    );
  });

  test('labels the control-plane pods with the team in its final values hook', () => {
    const { manifests } = tenant({ team: 'payments' });
    expect(manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === 'payments').spec.template.metadata.labels['example.com/team']).toBe(
      'payments',
    );
  });

  test('lets a team add a CA volume after construction', () => {
    const chart = Testing.chart();
    const vc = new TenantVCluster(chart, 'tenant', { team: 'db' });
    vc.addVolume({ volume: { name: 'db-ca', secret: { secretName: 'db-ca' } }, mountPath: '/certs/db' });
    const cp = Testing.synth(chart).find((m) => m.kind === 'Deployment' && m.metadata.name === 'db');
    expect(cp.spec.template.spec.volumes).toContainEqual({ name: 'db-ca', secret: { secretName: 'db-ca' } });
    expect(cp.spec.template.spec.containers[0].volumeMounts).toContainEqual({ name: 'db-ca', mountPath: '/certs/db', readOnly: true });
  });

  test('fails when a subclass switches the network isolation off, whatever the source', () => {
    class Open extends TenantVCluster {
      protected prepareValues(values: any) {
        return super.prepareValues({ ...values, policies: { ...values.policies, networkPolicy: { enabled: false } } });
      }
    }
    expect(() => new Open(Testing.chart(), 'open', { team: 'open' }).apiObjects).toThrow('policies.networkPolicy.enabled: the platform ' +
      'isolates every tenant; got false.');
  });

  test('does not offer what the platform fixes', () => {
    // @ts-expect-error rootless is not a tenant prop
    tenant({ team: 'ml', rootless: false });
  });
});
