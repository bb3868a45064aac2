import { Testing } from 'cdk8s';
import { VCluster } from '../../src';
import { parseManifestStream } from '../../src/yaml/yaml-text';
import { parseValuesYaml } from '../../src/yaml/values-yaml';
import { runCommand as run, tempFiles } from '../cli/cli-helper';

/**
 * "Billion laughs": nine levels of nine aliases each, 9^9 (387 million) strings once expanded,
 * in about 600 bytes. Expanded, it takes gigabytes and minutes; it must be refused unexpanded.
 */
function aliasBomb(indent: string): string {
  const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
  return levels.map((l, i) => {
    const items = i === 0 ? Array(9).fill('"lol"') : Array(9).fill(`*${levels[i - 1]}`);
    return `${indent}${l}: &${l} [${items.join(',')}]\n`;
  }).join('');
}

const BOMB_MANIFEST = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n${aliasBomb('  ')}`;
const BOMB_REFUSAL = 'the aliases expand to more than 10000 copies, which cdk8s-vcluster refuses, as Helm refuses such "alias bombs". '
  + 'Write repeated parts out instead of aliasing them.';

/** BOMB_MANIFEST as the text of `experimental.deploy.host.manifests` in a values file. */
function valuesWithHostManifests(text: string): string {
  return `experimental:\n  deploy:\n    host:\n      manifests: |\n${text.replace(/^/gm, '        ')}\n`;
}

describe('limits on YAML embedded in the values', () => {
  test('fails on an alias bomb in a manifest stream, naming the source', () => {
    expect(BOMB_MANIFEST.length).toBeLessThan(700);
    expect(() => parseManifestStream(BOMB_MANIFEST, 'experimental.deploy.host.manifests'))
      .toThrow(`experimental.deploy.host.manifests: ${BOMB_REFUSAL}`);
  });

  test('fails on an alias bomb in a values file, naming the file', () => {
    expect(() => parseValuesYaml(aliasBomb(''), 'bomb.yaml')).toThrow(`bomb.yaml: ${BOMB_REFUSAL}`);
  });

  test('fails when few aliases of a large text expand beyond the 3 MiB the API server accepts', () => {
    const big = 'x'.repeat(400 * 1024);
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  a: &a ` +
      `${big}\n${Array.from({ length: 9 }, (_, i) => `  b${i}: *a\n`).join('')}`;
    expect(() => parseManifestStream(text, 'm')).toThrow('m: the data its aliases expand to would exceed the 3145728 bytes (3 MiB) the ' +
      'Kubernetes API server accepts');
  });

  test('fails on a text of more than 3 MiB before reading it', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  a: ${'é'.repeat(1536 * 1024)}\n`;
    expect(() => parseManifestStream(text, 'm')).toThrow(`m: its ${Buffer.byteLength(text)} bytes of YAML exceed the 3145728 bytes (3 MiB)`);
  });

  test('fails on manifests nested more than 100 levels deep, naming the path', () => {
    expect(() => parseManifestStream(`a: ${'['.repeat(10_000)}`, 'm')).toThrow(
      /^m \(line 1, column \d+\): a\[0\]\[0\].*: values nest more than 100 levels deep/,
    );
  });

  test('the construct refuses a map key that is a list in the host manifests, as helm v4.1.4 does', () => {
    // helm v4.1.4: "YAML parse error on vcluster/templates/manifests.yaml: error converting YAML to JSON: yaml: invalid map key".
    const manifests = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  ? [a, b]\n  : c\n';
    expect(() => new VCluster(Testing.chart(), 'vc1', { values: { experimental: { deploy: { host: { manifests } } } } }).apiObjects)
      .toThrow(/experimental\.deploy\.host\.manifests \(line 6, column 5\): data: a map key that is a list \(\[a, b\]\); Helm refuses it/);
  });

  test('reads manifests with aliases within the limits as the chart reads them', () => {
    const [doc] = parseManifestStream('a: &x {k: yes}\nb: *x\n', 'm');
    expect(doc.value).toEqual({ a: { k: true }, b: { k: true } });
  });

  test('the construct refuses an alias bomb in the host manifests with the key path', () => {
    const values = { experimental: { deploy: { host: { manifests: BOMB_MANIFEST } } } };
    expect(() => new VCluster(Testing.chart(), 'vc1', { values }).apiObjects).toThrow(`experimental.deploy.host.manifests: ${BOMB_REFUSAL}`);
  });

  test('the construct refuses an alias bomb that manifestsTemplate renders', () => {
    const values = { experimental: { deploy: { host: { manifestsTemplate: BOMB_MANIFEST.replace('bomb', '{{ .Release.Name }}') } } } };
    expect(() => new VCluster(Testing.chart(), 'vc1', { values }).apiObjects).toThrow(`experimental.deploy.host.manifestsTemplate: ${BOMB_REFUSAL}`);
  });

  test.each([
    ['experimental.deploy.vcluster.manifests', { manifests: BOMB_MANIFEST }],
    ['experimental.deploy.vcluster.manifestsTemplate', { manifestsTemplate: BOMB_MANIFEST }],
    ['experimental.deploy.vcluster.helm[0].values', { helm: [{ chart: { name: 'app' }, values: aliasBomb('') }] }],
  ])('the construct refuses an alias bomb in %s, which vCluster reads itself', (path, vcluster) => {
    const values = { experimental: { deploy: { vcluster } } };
    expect(() => new VCluster(Testing.chart(), 'vc1', { values }).apiObjects).toThrow(`${path}: ${BOMB_REFUSAL}`);
  });

  test('takes init manifests with aliases within the limits and text that is no YAML', () => {
    const manifests = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: &n cron\ndata:\n  name: *n\n  schedule: "*/5 * * * *"\n';
    const values = { experimental: { deploy: { vcluster: { manifests, manifestsTemplate: 'a: {{ .Values.x | default "*" }}\n' } } } };
    expect(new VCluster(Testing.chart(), 'vc1', { values }).values.experimental.deploy.vcluster.manifests).toBe(manifests);
  });

  test('template and import refuse an alias bomb in the host manifests of a values file', () => {
    const { file } = tempFiles('cdk8s-vcluster-limits-');
    const values = file('bomb.yaml', valuesWithHostManifests(BOMB_MANIFEST));
    for (const args of [['template', 'vc1', '-f', values], ['import', '-f', values]]) {
      const r = run(args);
      expect(r.stderr).toContain(`experimental.deploy.host.manifests: ${BOMB_REFUSAL}`);
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe('');
    }
  });
});
