import { Testing } from 'cdk8s';
import { controllerKeys } from './unseal';
import { BackingStore, ConfigSecret, VCluster, VClusterProps } from '../../src';
import { credentialFields } from '../../src/secrets/credentials';
import { DEFAULT_CHART_VERSION } from '../../src/values/chart-version';
import { parsePath } from '../../src/props/config-secret';
import { formatPath, Segment } from '../../src/values/errors';

/**
 * The guard: for every credential field of the inventory, a credential set there reaches no
 * synthesized object, in clear or inside any base64 data, in every mode but the explicit
 * plaintext one.
 */

const keys = controllerKeys();
const SECRET = 'Gu4rd-s3cret-value';

/** A concrete path for an inventory pattern, and a value there that holds {@link SECRET}. */
function example(pattern: string): { path: Segment[]; value: string } {
  const path = parsePath(pattern.replace(/\.\*\./g, '["registry.example.com"].').replace(/\[\]/g, '[0]'));
  const field = path[path.length - 1];
  const value = field === 'dataSource' ? `postgres://vcluster:${SECRET}@db.example.com/vcluster`
    : /^manifests/.test(String(field)) ? `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\nstringData:\n  token: ${SECRET}\n`
      : SECRET;
  return { path, value };
}

function valuesWith(path: readonly Segment[], value: string): Record<string, unknown> {
  return path.reduceRight<unknown>(
    (inner, seg) => (typeof seg === 'number' ? Object.assign([], { [seg]: inner }) : { [seg]: inner }),
    value,
  ) as Record<string, unknown>;
}

/** Every string of the output, and each one's base64 decoding where it is base64. */
function texts(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') {
    out.push(v);
    if (/^[A-Za-z0-9+/]+=*$/.test(v) && v.length % 4 === 0) out.push(Buffer.from(v, 'base64').toString('latin1'));
  } else if (Array.isArray(v)) {
    v.forEach((x) => texts(x, out));
  } else if (v !== null && typeof v === 'object') {
    Object.entries(v).forEach(([k, x]) => texts(x, texts(k, out)));
  }
  return out;
}

function output(props: VClusterProps): string[] {
  const chart = Testing.chart();
  new VCluster(chart, 'vc1', { namespace: 'vc1', ...props });
  return texts(Testing.synth(chart));
}

const MODES: readonly (readonly [string, (path: string) => ConfigSecret])[] = [
  ['a SealedSecret', () => ConfigSecret.sealedSecret({ certificate: keys.certificatePem })],
  [
    'an ExternalSecret',
    (path) => ConfigSecret.externalSecret({ store: { name: 'vault' }, credentials: { [path]: { key: 'vc1', property: 'credential' } } }),
  ],
  ['a Secret of your own', () => ConfigSecret.bringYourOwn()],
];

const FIELDS = credentialFields(DEFAULT_CHART_VERSION).map((pattern) => [pattern, example(pattern)] as const);
const onHost = (pattern: string) => pattern.startsWith('experimental.deploy.host.');

describe.each(FIELDS)('a credential at %s', (_pattern, { path, value }) => {
  const values = valuesWith(path, value);
  const at = formatPath(path);

  test('is refused by default, naming its path', () => {
    expect(() => output({ values })).toThrow(`  ${at}: `);
  });

  test('is in the output with the plaintext choice (the guard sees it there)', () => {
    expect(output({ values, configSecret: ConfigSecret.plaintextInGit() }).some((t) => t.includes(SECRET))).toBe(true);
  });

  test.each(MODES)('reaches no object in clear or in base64 with %s', (_mode, mode) => {
    if (onHost(_pattern)) {
      expect(() => output({ values, configSecret: mode(at) })).toThrow(`${at}: the chart renders the host manifests onto the host as they are`);
      return;
    }
    expect(output({ values, configSecret: mode(at) }).filter((t) => t.includes(SECRET))).toEqual([]);
  });
});

describe('a credential from the typed props', () => {
  const dataSource = `mysql://vcluster:${SECRET}@tcp(db.example.com:3306)/vcluster`;
  test.each(MODES)('reaches no object with %s', (_mode, mode) => {
    const props = {
      backingStore: BackingStore.externalDatabase({ dataSource }),
      configSecret: mode('controlPlane.backingStore.database.external.dataSource'),
    };
    expect(output(props).filter((t) => t.includes(SECRET))).toEqual([]);
  });
});
