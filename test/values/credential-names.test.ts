import { Testing } from 'cdk8s';
import { VCluster, VClusterProps } from '../../src';
import { fail } from '../../src/props/validation';
import { renderChart } from '../../src/pipeline';

/** No message shows the value of a credential path (messages end up in CI logs). */

const S = 98127361;

function message(props: VClusterProps): string {
  try {
    const chart = Testing.chart();
    new VCluster(chart, 'vc1', { namespace: 'vc1', ...props });
    Testing.synth(chart);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('a wrong value at a credential path', () => {
  test.each([
    ['a password', { privateNodes: { joinNode: { containerd: { registry: { auth: { 'registry.example.com': { password: S } } } } } } }],
    ['a DSN', { controlPlane: { backingStore: { database: { external: { enabled: true, dataSource: S } } } } }],
    [
      'a token in a list',
      {
        controlPlane: { statefulSet: { env: [{ name: 'X', value: 'y' }] } },
        privateNodes: { joinNode: { containerd: { registry: { auth: { r: { identityToken: [String(S)] } } } } } },
      },
    ],
  ])('fails naming the path and the type of %s, not the value', (_what, values) => {
    const m = message({ values: values as never });
    expect(m).toContain('(not shown: a credential)');
    expect(m).not.toContain(String(S));
  });

  test('fails in the pipeline without the value too', () => {
    expect(() =>
      renderChart({
        name: 'vc1',
        namespace: 'vc1',
        values: [{ controlPlane: { backingStore: { database: { external: { enabled: true, dataSource: S } } } } } as never],
      }),
    ).toThrow('controlPlane.backingStore.database.external.dataSource: expected string, got a number (not shown: a credential).');
  });

  test('fails for a typed prop without the value', () => {
    expect(() => fail('backingStore.dataSource', String(S), 'give the database.')).toThrow('backingStore.dataSource: give the database. Got ' +
      'a string (not shown: a credential).');
    expect(() => fail('backingStore.replicas', S, 'give a count.')).toThrow(`backingStore.replicas: give a count. Got ${S}.`);
  });

  test('shows the value of other paths as before', () => {
    expect(message({ values: { controlPlane: { statefulSet: { image: { tag: S } } } } as never })).toContain(`got number ${S}`);
  });
});

describe('a host manifest that is no Kubernetes object', () => {
  test('fails naming its keys, not its content', () => {
    const m = message({ values: { experimental: { deploy: { host: { manifests: `stringData:\n  token: ${S}\n` } } } } });
    expect(m).toContain('experimental.deploy.host.manifests: every document must be a Kubernetes object with apiVersion, kind and ' +
      'metadata.name; got a map with the keys stringData.');
    expect(m).not.toContain(String(S));
  });
});

describe('a wrong map or list', () => {
  test('fails showing it with the values under credential names replaced by their type', () => {
    const m = message({
      values: {
        controlPlane: { backingStore: { database: { external: { enabled: true, dataSource: { user: 'vc', password: String(S) } } } } },
      } as never,
    });
    expect(m).toContain('{"user":"vc","password":"(a string, not shown)"}');
    expect(m).not.toContain(String(S));
  });
});
