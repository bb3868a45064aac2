import { Testing } from 'cdk8s';
import { plain, quoted } from '../../src/render/go-template';
import { ValueMap } from '../../src/values/value-map';
import { VCluster } from '../../src/vcluster';

// Facts measured with helm v4.1.4 and chart 0.36.1 (`helm template vc1 <chart> -n vc1 -f values.yaml`, for replicas
// with the embedded etcd on). A values file's
// numbers are float64 in Helm (sigs.k8s.io/yaml reads YAML through JSON): the templates print them with Go's %v, so
// `replicas: {{ ... }}` prints 1000000 as 1e+06, which Go's YAML (as kubectl and helm install read the manifest) reads
// back as the number; the config Secret is toYaml, which goes through encoding/json and prints 1000000.

function render(values: ValueMap) {
  const objects = Testing.synth(new VCluster(Testing.chart(), 'vc1', { namespace: 'vc1', values }).node.scope as any);
  const sts = objects.find((o) => o.kind === 'StatefulSet');
  const secret = objects.find((o) => o.kind === 'Secret' && o.metadata.name === 'vc-config-vc1');
  return {
    replicas: sts.spec.replicas,
    hash: sts.spec.template.metadata.annotations.vClusterConfigHash,
    config: Buffer.from(secret.data['config.yaml'], 'base64').toString('utf8'),
    quota: objects.find((o) => o.kind === 'ResourceQuota')?.spec.hard,
  };
}

// Several replicas need a shared backing store (the library refuses them with SQLite, helm does not).
const replicas = (n: number): ValueMap => ({
  controlPlane: { backingStore: { etcd: { embedded: { enabled: true } } }, statefulSet: { highAvailability: { replicas: n } } },
});

describe('numbers from a values file, as Helm prints them', () => {
  test.each([
    // [value, what helm prints in the StatefulSet, the line of the config Secret's text, helm's vClusterConfigHash]
    [1e6, '1e+06', 'replicas: 1000000', '0e65c67e72bb042f97841c9d0c311fcba0b9e8f49840b48899fb665dfb4a5d57'],
    [2 ** 31, '2.147483648e+09', 'replicas: 2147483648', '05dec2b28cb3265cbcf2868b6b84f13bd1e03c5bad3492cd4316aa52fc72d24e'],
    // 2^53 + 1 in the file is the float64 2^53.
    [2 ** 53, '9.007199254740992e+15', 'replicas: 9007199254740992', '736301c8b6dc206ed2e9fa98bc7d0e7b0822f9f697e91088b645cd24639ae81a'],
    [1e21, '1e+21', 'replicas: 1e+21', '1814aada9d625501ab3df0e28330707bf8c9fa1882aaf1521e4806fa956ade29'],
  ] as const)('replicas: %d renders the number Helm\'s %s reads as, and Helm\'s config text and hash', (n, helmText, configLine, hash) => {
    const out = render(replicas(n));
    expect(out.replicas).toBe(Number(helmText));
    expect(out.config).toContain(`\n      ${configLine}\n`);
    expect(out.hash).toBe(hash);
  });

  test('writes -0.0 and 1e6 into the config text as Helm does (0 and 1000000), to Helm\'s hash', () => {
    const out = render({ controlPlane: { statefulSet: { highAvailability: { leaseDuration: -0, renewDeadline: 1e6 } } } });
    expect(out.config).toContain('\n      leaseDuration: 0\n');
    expect(out.config).toContain('\n      renewDeadline: 1000000\n');
    expect(out.hash).toBe('13836286d5a32e9c47f34e6096a53194e8914c4552817e9d48ec5839e10e2d1e');
  });

  test('quotes quota values in Go\'s %v form of a float64, as Helm does ("1e+06", "2.147483648e+09")', () => {
    const out = render({ policies: { resourceQuota: { enabled: true, quota: { 'count/pods': 1e6, 'count/configmaps': 2 ** 31 } } } });
    expect(out.quota['count/pods']).toBe('1e+06');
    expect(out.quota['count/configmaps']).toBe('2.147483648e+09');
  });
});

describe('numbers a template writes', () => {
  test('stay numbers when written unquoted, as Go\'s YAML reads Go\'s %v text back (-0 as 0)', () => {
    for (const n of [1e6, 2 ** 31, 2 ** 53, 1e21, 1.5, 0.1, 1e-7]) expect(plain(n)).toBe(n);
    expect(Object.is(plain(-0), 0)).toBe(true);
  });

  test('print as Go prints a float64 when quoted (helm v4.1.4: "1e+06", "-0", "1e-07")', () => {
    expect([1e6, -0, 1e-7, 0.1, 1e21].map(quoted)).toEqual(['1e+06', '-0', '1e-07', '0.1', '1e+21']);
  });
});
