import { Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-31';
import { TenantVCluster } from '../examples/tenant-vcluster';

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
    expect(vc.values.controlPlane.statefulSet.security.containerSecurityContext).toMatchObject({ runAsNonRoot: true, capabilities: { drop: ['ALL'] } });
    const quota = manifests.find((m) => m.kind === 'ResourceQuota');
    expect(quota.spec.hard).toMatchObject({ 'requests.cpu': '4', 'requests.memory': '8Gi', 'pods': '50', 'services.loadbalancers': '0' });
    expect(manifests.some((m) => m.kind === 'NetworkPolicy')).toBe(true);
  });

  test('lets a team size its quota within the caps and expose its API server', () => {
    const { vc, manifests } = tenant({ team: 'search', cpu: Cpu.units(12), memory: Size.gibibytes(24), host: 'search.tenants.example.com', ingresses: true });
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
    expect(() => tenant({ team: 'ml', cpu: Cpu.units(64) })).toThrow('cpu: a team may request at most 16 CPUs; ask the platform team for more. Got "64".');
  });

  test('fails when a team picks a host outside the tenant domain', () => {
    expect(() => tenant({ team: 'ml', host: 'ml.example.com' })).toThrow('host: must be under tenants.example.com, e.g. "ml.tenants.example.com". Got "ml.example.com".');
  });

  test('does not offer what the platform fixes', () => {
    // @ts-expect-error raw values are not a tenant prop
    tenant({ team: 'ml', values: { controlPlane: {} } });
    // @ts-expect-error rootless is not a tenant prop
    tenant({ team: 'ml', rootless: false });
  });
});
