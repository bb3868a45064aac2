import { Testing } from 'cdk8s';
import { BackingStore, VCluster } from '../src';
import { apiServerLimitDiagnostics, checkApiServerLimits } from '../src/api-server-limits';
import { Manifest } from '../src/render/context';

const object = (kind: string, name: string, rest: Partial<Manifest> = {}, apiVersion = 'v1'): Manifest =>
  ({ apiVersion, kind, metadata: { name, namespace: 'vc1' }, ...rest }) as Manifest;
const check = (...manifests: Manifest[]) => () => checkApiServerLimits(manifests, 'vc1');

describe('checkApiServerLimits', () => {
  describe('object names', () => {
    test('accepts a Service name of 63 characters and refuses one of 64 (DNS-1035 label)', () => {
      expect(check(object('Service', 's'.repeat(63)))).not.toThrow();
      expect(check(object('Service', 's'.repeat(64)))).toThrow(
        `Service "${'s'.repeat(64)}": a Service name must be a DNS-1035 label (lowercase letters, digits and "-", starting with a letter ` +
          `and ending with a letter or digit) ` +
        'of at most 63 characters; this one has 64. Change it where it is set.',
      );
    });

    test('refuses a Service name that starts with a digit', () => {
      expect(check(object('Service', '1vc'))).toThrow(/^Service "1vc": a Service name must be a DNS-1035 label/);
    });

    test('refuses a StatefulSet name over 52 characters, as its pods could not be created', () => {
      expect(check(object('StatefulSet', 'a'.repeat(52), {}, 'apps/v1'))).not.toThrow();
      expect(check(object('StatefulSet', 'a'.repeat(53), {}, 'apps/v1'))).toThrow(
        'of at most 52 characters (its pods get the label controller-revision-hash "<name>-<hash of up to 10 characters>", and a label ' +
          'value has at most 63); this one has 53.',
      );
    });

    test('accepts DNS subdomains of 253 characters for other kinds, and refuses 254', () => {
      const name = (n: number) => `${'a'.repeat(n - 2)}.b`;
      expect(check(object('Deployment', name(253), {}, 'apps/v1'))).not.toThrow();
      expect(check(object('Deployment', name(254), {}, 'apps/v1'))).toThrow(
        /a Deployment name must be a DNS-1123 subdomain .* of at most 253 characters; this one has 254\./,
      );
    });

    test('accepts long RBAC names, which are path segments', () => {
      expect(check(object('ClusterRole', `vc-${'a'.repeat(53)}-v-${'b'.repeat(63)}`, {}, 'rbac.authorization.k8s.io/v1'))).not.toThrow();
      expect(check(object('Role', 'a/b', {}, 'rbac.authorization.k8s.io/v1'))).toThrow(
        'Role "a/b": a Role name must be a path segment (not "." or "..", without "/" or "%"); this one has 3. Change it where it is set.',
      );
    });

    test('refuses a Namespace name over 63 characters (DNS-1123 label)', () => {
      expect(check(object('Namespace', 'n'.repeat(64)))).toThrow(
        /^Namespace "n+": a Namespace name must be a DNS-1123 label .* of at most 63 characters; this one has 64\./,
      );
    });
  });

  describe('labels and annotations', () => {
    test('refuses a label value that is not a label value, wherever labels are', () => {
      const labels = { team: 'a b' };
      const message = (path: string) => `StatefulSet "vc1" ${path}["team"]: a label value must be text of at most 63 letters, digits, "-", ` +
        `"_" and ".", ` +
        'starting and ending with a letter or digit, or empty. Got "a b": change it where it is set.';
      expect(check(object('StatefulSet', 'vc1', { metadata: { name: 'vc1', labels } }, 'apps/v1'))).toThrow(message('metadata.labels'));
      expect(check(object('StatefulSet', 'vc1', { spec: { template: { metadata: { labels } } } }, 'apps/v1'))).toThrow(
        message('spec.template.metadata.labels'),
      );
      expect(check(object('StatefulSet', 'vc1', { spec: { selector: { matchLabels: labels } } }, 'apps/v1'))).toThrow(
        message('spec.selector.matchLabels'),
      );
      expect(check(object('StatefulSet', 'vc1', { spec: { volumeClaimTemplates: [{ metadata: { labels } }] } }, 'apps/v1')))
        .toThrow(message('spec.volumeClaimTemplates[0].metadata.labels'));
    });

    test("checks a Service's selector and the selectors inside a pod template", () => {
      expect(check(object('Service', 'vc1', { spec: { selector: { app: '-x' } } }))).toThrow(
        /^Service "vc1" spec\.selector\["app"\]: a label value must be/,
      );
      const affinity = {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [{ podAffinityTerm: { labelSelector: { matchLabels: { app: 'a'.repeat(64) } } } }],
        },
      };
      expect(check(object('Deployment', 'vc1', { spec: { template: { spec: { affinity } } } }, 'apps/v1'))).toThrow(
        /spec\.template\.spec\.affinity\.podAntiAffinity\.preferredDuringSchedulingIgnoredDuringExecution\[0\]\.podAffinityTerm\.labelSelector\.matchLabels\["app"\]: .* \(64 characters\)/,
      );
    });

    test('accepts empty and prefixed labels, and refuses values that are not text', () => {
      expect(check(object('Secret', 'vc1', { metadata: { name: 'vc1', labels: { 'app.kubernetes.io/name': 'vc', empty: '' } } }))).not.toThrow();
      expect(check(object('Secret', 'vc1', { metadata: { name: 'vc1', labels: { replicas: 3 } } }))).toThrow(
        /Got 3: change it where it is set, quoted\.$/,
      );
    });

    test('refuses a label key that is not a qualified name', () => {
      expect(check(object('Secret', 'vc1', { metadata: { name: 'vc1', labels: { 'Example.com/team': 'a' } } }))).toThrow(
        'Secret "vc1" metadata.labels["Example.com/team"]: a label key must be an optional DNS subdomain prefix of at most 253 characters and "/", ' +
        'then at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Got the key "Example.com/team": ' +
          'change it where it is set.',
      );
    });

    test('refuses annotations over 256 KiB in total', () => {
      const annotations = { a: 'x'.repeat(128 * 1024), b: 'x'.repeat(128 * 1024) };
      expect(check(object('Secret', 'vc1', { metadata: { name: 'vc1', annotations } }))).toThrow(
        'Secret "vc1" metadata.annotations: the annotations of an object may total at most 262144 bytes (256 KiB); these have 262146. ' +
        'Move large content out of annotations, e.g. into a ConfigMap.',
      );
      expect(check(object('Secret', 'vc1', { metadata: { name: 'vc1', annotations: { a: 'x'.repeat(256 * 1024 - 1) } } }))).not.toThrow();
    });
  });

  describe('sizes', () => {
    const MiB = 1024 * 1024;
    const base64 = (bytes: number) => Buffer.alloc(bytes, 1).toString('base64');

    test('counts the decoded bytes of a Secret: 1 MiB is accepted, one byte more is not', () => {
      expect(check(object('Secret', 's', { data: { a: base64(MiB - 10), b: base64(10) } }))).not.toThrow();
      expect(check(object('Secret', 's', { data: { a: base64(MiB) }, stringData: { b: 'x' } }))).toThrow(
        'Secret "s": a Secret may hold at most 1048576 bytes (1 MiB) of data; this one holds 1048577. Keep less data in it.',
      );
    });

    test('counts the data and binary data of a ConfigMap', () => {
      expect(check(object('ConfigMap', 'c', { data: { a: 'x'.repeat(MiB / 2) }, binaryData: { b: base64(MiB / 2 + 1) } })))
        .toThrow('ConfigMap "c": a ConfigMap may hold at most 1048576 bytes (1 MiB) of data; this one holds 1048577. Keep less data in it.');
    });

    test('reads data made when read (the config Secret\'s) once, and counts it in both sizes', () => {
      let reads = 0;
      const data = {};
      Object.defineProperty(data, 'config.yaml', { enumerable: true, get: () => (reads++, base64(1.2 * MiB)) });
      const found = apiServerLimitDiagnostics([object('Secret', 's', { data })], 'vc').map((d) => d.message);
      expect(found).toEqual([
        expect.stringMatching(/^a Secret may hold at most 1048576 bytes \(1 MiB\) of data; this one holds 1258291\./),
        expect.stringMatching(/^an object is stored in etcd with one request of at most 1572864 bytes .* serializes to 1677827\./),
      ]);
      expect(reads).toBe(1);
    });

    test("refuses any object over etcd's request limit of 1.5 MiB", () => {
      const env = [{ name: 'BIG', value: 'x'.repeat(1.5 * MiB) }];
      expect(check(object('Deployment', 'd', { spec: { template: { spec: { containers: [{ name: 'c', env }] } } } }, 'apps/v1'))).toThrow(
        /^Deployment "d": an object is stored in etcd with one request of at most 1572864 bytes \(1\.5 MiB, etcd's default\); this one serializes to \d+\./,
      );
    });
  });
});

describe('a virtual cluster Kubernetes would refuse', () => {
  const etcd = BackingStore.deployedEtcd();

  test('fails when deployed etcd makes a 53-character release name too long, and says how long it may be', () => {
    const name = 'a'.repeat(53);
    // <name>-etcd-headless is a Service (63 at most); <name>-etcd a StatefulSet (52 at most): 52 - "-etcd".length = 47.
    expect(() => new VCluster(Testing.chart(), 'vc', { name, backingStore: etcd }).apiObjects).toThrow(
      `Service "${name}-etcd-headless": a Service name must be a DNS-1035 label (lowercase letters, digits and "-", starting with a letter ` +
        `and ending with a letter or digit) ` +
      `of at most 63 characters; this one has 67. It is made from the release name "${name}" (53 characters); ` +
      'with this configuration the release name can have at most 47 characters: choose a shorter name.',
    );
    expect(() => new VCluster(Testing.chart(), 'vc', { name: 'a'.repeat(48), backingStore: etcd }).apiObjects).toThrow(
      /^test\/vc \(release a{48}\): StatefulSet "a{48}-etcd": .* at most 47 characters/,
    );
    expect(() => new VCluster(Testing.chart(), 'vc', { name: 'a'.repeat(47), backingStore: etcd }).apiObjects).not.toThrow();
  });

  test("fails when the control plane StatefulSet is named with Helm's longest release name (53)", () => {
    // The chart default (embedded database with persistence) runs the control plane as a StatefulSet named after the release.
    expect(() => new VCluster(Testing.chart(), 'vc', { name: 'a'.repeat(53) }).apiObjects).toThrow(
      /^test\/vc \(release a{53}\): StatefulSet "a{53}": .* this one has 53\. .* the release name can have at most 52 characters: choose a shorter name\.$/,
    );
  });

  test('fails when a label set through the typed props is not a label value', () => {
    expect(() => new VCluster(Testing.chart(), 'vc', { controlPlane: { labels: { team: 'platform team' } } }).apiObjects).toThrow(
      /^test\/vc \(release vc\): StatefulSet "vc" metadata\.labels\["team"\]: a label value must be text .* Got "platform team": change it where it is set\.$/,
    );
  });

  test('fails when the config Secret would hold more than 1 MiB', () => {
    const manifests = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: "${'x'.repeat(1024 * 1024)}"\n`;
    expect(() => new VCluster(Testing.chart(), 'vc', { values: { experimental: { deploy: { vcluster: { manifests } } } } }).apiObjects).toThrow(
      /^test\/vc \(release vc\): Secret "vc-config-vc": a Secret may hold at most 1048576 bytes \(1 MiB\) of data; this one holds \d+\. It holds the virtual cluster's full values/,
    );
  });
});
