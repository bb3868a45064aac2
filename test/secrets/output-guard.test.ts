import { Chart, JsonPatch, Testing } from 'cdk8s';
import { controllerKeys } from './unseal';
import { BackingStore, ConfigSecret, FleetApp, VCluster, VClusterProps } from '../../src';
import { findLeaks, scanningStringsOnce } from '../../src/secrets/output-guard';
import { Int64 } from '../../src/values/int64';
import { MAX_YAML_BYTES } from '../../src/yaml/yaml-limits';

/**
 * The output guard, tried with credentials in the forms users write: whatever the config Secret
 * mode, none reaches the synthesized output or a message, unless the user says so
 * (`plaintextInGit()`, `allowInOutput`).
 */

const keys = controllerKeys();
const S = 'Gu4rd-s3cret-value';

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

/** The output's strings, or the message of what was thrown. */
function synth(props: VClusterProps): { output: string[] } | { error: string } {
  const chart = Testing.chart();
  try {
    new VCluster(chart, 'vc1', { namespace: 'vc1', ...props });
    return { output: texts(Testing.synth(chart)) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const secretYaml = (kind: string) => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: app\nstringData:\n  token: ${S}\n`;
/** A Secret among manifests, in the spellings YAML and JSON allow. */
const SECRET_MANIFESTS: { readonly [form: string]: string } = {
  'block YAML': secretYaml('Secret'),
  'a JSON document': JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'app' }, stringData: { token: S } }),
  'a flow map': `{apiVersion: v1, kind: Secret, metadata: {name: app}, stringData: {token: ${S}}}`,
  'a quoted key': `apiVersion: v1\n"kind": Secret\nmetadata: {name: app}\nstringData: {token: ${S}}\n`,
  'a !!str tag': secretYaml('!!str Secret'),
  'an escaped kind': secretYaml('"Secr\\x65t"'),
  'an alias': `apiVersion: v1\nmetadata:\n  name: app\n  labels: {k: &k Secret}\nkind: *k\nstringData: {token: ${S}}\n`,
  'a List of Secrets': `apiVersion: v1\nkind: List\nmetadata: {name: l}\nitems:\n- {apiVersion: v1, kind: Secret, metadata: {name: app}, ` +
    `stringData: {token: ${S}}}\n`,
  'a second document': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n${secretYaml('Secret')}`,
};

const manifests = (where: 'host' | 'vcluster', text: string, key = 'manifests') => ({ experimental: { deploy: { [where]: { [key]: text } } } });
const env = (name: string, value: string) => ({ controlPlane: { statefulSet: { env: [{ name, value }] } } });

/** Credentials in the values, by the form they take. */
const INPUTS: readonly (readonly [string, VClusterProps])[] = [
  ...Object.entries(SECRET_MANIFESTS).map(([form, text]) => [`a Secret in the host manifests as ${form}`, { values: manifests('host',
    text) }] as const),
  ...Object.entries(SECRET_MANIFESTS).map(([form, text]) => [`a Secret in the init manifests as ${form}`, { values: manifests('vcluster',
    text) }] as const),
  ['a Secret in the host manifests template with a templated kind', { values: manifests('host', secretYaml('{{ "Secret" }}'), 'manifestsTemplate') }],
  ['a Secret in the init manifests template', { values: manifests('vcluster', secretYaml('Secret'), 'manifestsTemplate') }],
  ...[
    `mysql://vc:${S}@tcp(db:3306)/vc`, `mysql://vc:${S}/x@tcp(db:3306)/vc`, `vc:${S}@x@tcp(db:3306)/vc`, `vc:${S}@/vc`,
    `host=db user=vc password = ${S} dbname=vc`, `postgres://vc:${S}@db/vc?sslmode=require`, `nats://${S}@nats:4222`,
  ].map((dsn) => [`the DSN ${dsn.replace(S, 'S')}`, { values: { controlPlane: { backingStore: { database: { external: { enabled: true,
    dataSource: dsn } } } } } }] as const),
  ['a DSN of the typed prop', { backingStore: BackingStore.externalDatabase({ dataSource: `vc:${S}@tcp(db:3306)/vc` }) }],
  ['an etcd endpoint with a password', { values: { controlPlane: { backingStore: { etcd: { external: { enabled: true,
    endpoint: `https://root:${S}@etcd:2379` } } } } } }],
  ['a password env variable of the control plane', { values: env('DB_PASSWORD', S) }],
  ['an API token env variable of the distro', { values: { controlPlane: { distro: { k8s: { enabled: true, env: [{ name: 'API_TOKEN',
    value: S }] } } } } }],
  ['a flag with a client secret', { values: { controlPlane: { distro: { k8s: { enabled: true,
    apiServer: { extraArgs: [`--oidc-client-secret=${S}`] } } } } } }],
  ['a flag and its value in two arguments', { values: { controlPlane: { backingStore: { database: { embedded: { extraArgs: ['--token',
    S] } } } } } }],
  ['a password in a helm chart repository URL', { values: { experimental: { deploy: { vcluster: { helm: [{ chart: { name: 'app',
    repo: `https://u:${S}@charts.example.com` }, release: { name: 'app', namespace: 'app' } }] } } } } }],
  ['a password key inside helm values', { values: { experimental: { deploy: { vcluster: { helm: [{ chart: { name: 'app' },
    release: { name: 'app', namespace: 'app' }, values: `auth:\n  password: ${S}\n` }] } } } } }],
  ['a password key inside plugin config', { values: { plugins: { audit: { image: 'ghcr.io/acme/audit:1.0.0', config: { password: S } } } } }],
  ['a private key in caFile', { values: { controlPlane: { backingStore: { database: { external: { enabled: true,
    caFile: `-----BEGIN PRIVATE KEY-----\n${S}\n-----END PRIVATE KEY-----\n` } } } } } }],
  ['a GitHub token in an annotation', { values: { controlPlane: { statefulSet: { annotations: { note: `ghp_${S.replace(/-/g,
    '')}${'a'.repeat(20)}` } } } } }],
  ['a JSON web token in an env variable of any name', { values: env('KUBECONFIG_DATA',
    `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ2YzEifQ.${S.replace(/-/g, '')}`) }],
  ['an assignment in a shell command', { values: { controlPlane: { statefulSet: { command: ['sh', '-c',
    `export DB_PASSWORD=${S}; exec vcluster`] } } } }],
  ['a registry password', {
    values: { privateNodes: { joinNode: { containerd: { registry: { auth: { 'registry.example.com': { password: S } } } } } } },
  }],
];

const MODES: readonly (readonly [string, ConfigSecret | undefined])[] = [
  ['by default', undefined],
  ['with an ExternalSecret', ConfigSecret.externalSecret({ store: { name: 'vault' } })],
  ['with a SealedSecret', ConfigSecret.sealedSecret({ certificate: keys.certificatePem })],
  ['with a Secret of your own', ConfigSecret.bringYourOwn()],
];

describe.each(INPUTS)('%s', (input, props) => {
  // Token formats take no '-'.
  const secret = /GitHub|JSON web/.test(input) ? S.replace(/-/g, '') : S;

  test.each(MODES)('reaches neither the output nor a message %s', (mode, configSecret) => {
    const r = synth({ ...props, ...configSecret ? { configSecret } : {} });
    if ('error' in r) {
      expect(r.error).not.toContain(secret);
    } else {
      expect(mode).not.toBe('by default');
      expect(r.output.filter((t) => t.includes(secret))).toEqual([]);
    }
  });

  test('is refused by default, naming where it is', () => {
    const r = synth(props);
    // At construction (the config Secret's check) or in cdk8s validation (the guard, one line per finding).
    expect('error' in r && r.error).toMatch(/\n {2}(\[test\/vc1\] release vc1: )?\S+: /);
  });

  test('reaches the output with the plaintext choice', () => {
    const r = synth({ ...props, configSecret: ConfigSecret.plaintextInGit() });
    expect('output' in r && r.output.some((t) => t.includes(secret))).toBe(true);
  });
});

/** The locations a refusal of the guard lists, one validation error each. */
function locations(message: string): string[] {
  return [...message.matchAll(/^ {2}\[test\/vc1\] release vc1: (\S+): /gm)].map((m) => m[1]);
}

const CONFIG_ENV = 'Secret/vc-config-vc1:data["config.yaml"].controlPlane.statefulSet.env[0].value';

describe('the allow list', () => {
  test('lets through exactly the locations it lists', () => {
    const values = env('DB_PASSWORD', S);
    const refused = synth({ values });
    expect('error' in refused).toBe(true);
    const at = locations((refused as { error: string }).error);
    expect(at).toEqual([
      'Secret/vc-config-vc1:data["config.yaml"].controlPlane.statefulSet.env[0].value',
      expect.stringMatching(/^StatefulSet\/vc1:spec\.template\.spec\.containers\[0\]\.env\[\d+\]\.value$/),
    ]);
    const partly = synth({ values, allowInOutput: at.slice(0, 1) });
    expect('error' in partly && locations(partly.error)).toEqual(at.slice(1));
    const allowed = synth({ values, allowInOutput: at });
    expect('output' in allowed && allowed.output.some((t) => t.includes(S))).toBe(true);
  });

  test('fails with one line per finding, naming the tenant, the location and the fixes', () => {
    const r = synth({ values: env('DB_PASSWORD', S) });
    const lines = ('error' in r ? r.error : '').split('\n').slice(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`  [test/vc1] release vc1: ${CONFIG_ENV}: the value of DB_PASSWORD, in clear in the output, readable by anyone`);
    expect(lines[0]).toContain('env valueFrom.secretKeyRef');
    expect(lines[0]).toContain('allowInOutput: ["Secret/vc-config-vc1:data[\\"config.yaml\\"].controlPlane.statefulSet.env[0].value"]');
    expect(lines[1]).toMatch(/^ {2}\[test\/vc1\] release vc1: StatefulSet\/vc1:spec\.template\.spec\.containers\[0\]\.env\[\d+\]\.value: /);
    expect(lines[1]).toContain(': the value of DB_PASSWORD, in clear in the output');
  });

  test('fails when an entry matches no finding, naming the entry and the nearest location', () => {
    const stale = CONFIG_ENV.replace('env[0]', 'env[1]');
    const r = synth({ values: env('DB_PASSWORD', S), allowInOutput: [CONFIG_ENV, stale] });
    expect('error' in r && r.error).toContain(
      `  [test/vc1] release vc1: allowInOutput[1]: ${JSON.stringify(stale)} matches no credential the guard finds in the output; ` +
      `a stale entry would let one there through unnoticed later. Did you mean ${JSON.stringify(CONFIG_ENV)}? Otherwise remove it.`);
    expect('error' in r && locations(r.error)).toEqual([expect.stringMatching(/^StatefulSet\/vc1:/), 'allowInOutput[1]']);
  });

  test('fails when an entry matches no finding at all, asking to remove it', () => {
    const r = synth({ allowInOutput: ['ConfigMap/app:data.token'] });
    expect('error' in r && r.error).toContain(
      '  [test/vc1] release vc1: allowInOutput[0]: "ConfigMap/app:data.token" matches no credential the guard finds in the output; ' +
      'a stale entry would let one there through unnoticed later. Remove it.',
    );
  });
});

describe('the guard sees the output as it is written', () => {
  test('refuses a credential that a JSON patch adds', () => {
    const chart = Testing.chart();
    const vc = new VCluster(chart, 'vc1', { namespace: 'vc1' });
    vc.findApiObject('ControlPlane')!.addJsonPatch(JsonPatch.add('/metadata/annotations', { token: S }));
    expect(() => Testing.synth(chart)).toThrow('StatefulSet/vc1:metadata.annotations.token: the value of the key "token"');
  });

  test('refuses in a FleetApp\'s synth too', () => {
    const app = new FleetApp({ outdir: Testing.app().outdir });
    new VCluster(new Chart(app, 'vc1'), 'vc1', { namespace: 'vc1', values: env('DB_PASSWORD', S) });
    expect(() => app.synthYaml()).toThrow(`[vc1/vc1] release vc1: ${CONFIG_ENV}: the value of DB_PASSWORD, in clear in the output`);
  });

  test('leaves the chart\'s own output alone, and references to credentials', () => {
    const r = synth({
      values: {
        controlPlane: {
          statefulSet: {
            env: [
              { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
              { name: 'API_TOKEN', value: '$(TOKEN)' },
            ],
          },
          backingStore: {
            database: { external: { enabled: true, dataSource: 'postgres://vc@db/vc', caFile: '/certs/ca.pem', keyFile: '/certs/tls.key' } },
          },
        },
        sync: { fromHost: { secrets: { enabled: true, mappings: { byName: { 'shared/registry-credentials': 'default/registry-credentials' } } } } },
      },
    });
    expect(r).toEqual({ output: expect.any(Array) });
  });
});

describe('findLeaks, on objects as written', () => {
  const scope = {};
  const secret = (name: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name }, data: { token: Buffer.from(S).toString('base64') } });

  test('expands Lists of any kind and names each item', () => {
    expect(findLeaks([{ apiVersion: 'v1', kind: 'SecretList', metadata: { name: 'l' }, items: [secret('a'), secret('b')] }], scope)).toEqual([
      { at: 'Secret/a', what: 'a Secret with data (base64 is not encryption)' },
      { at: 'Secret/b', what: 'a Secret with data (base64 is not encryption)' },
    ]);
  });

  test('reads neither a SealedSecret\'s ciphertext nor an ExternalSecret\'s references', () => {
    const sealed = {
      apiVersion: 'bitnami.com/v1alpha1',
      kind: 'SealedSecret',
      metadata: { name: 's' },
      spec: { encryptedData: { password: 'AgBy3i4OJSWK+PiTySYZZA==' } },
    };
    const external = {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'e' },
      spec: { data: [{ secretKey: 'password', remoteRef: { key: 'db-password' } }] },
    };
    expect(findLeaks([sealed, external], scope)).toEqual([]);
  });

  test('reads a Secret that is not the config Secret, and the config Secret\'s values in place of its text', () => {
    const config = { ...secret('vc-config-vc1'), data: { 'config.yaml': 'Y29udHJvbFBsYW5lOiB7fQ==' } };
    const values = { controlPlane: { statefulSet: { env: [{ name: 'API_TOKEN', value: S }] } } };
    expect(findLeaks([config, secret('app')], { config: { object: 'Secret/vc-config-vc1', path: ['data', 'config.yaml'], values } })).toEqual([
      { at: 'Secret/vc-config-vc1:data["config.yaml"].controlPlane.statefulSet.env[0].value', what: 'the value of API_TOKEN' },
      { at: 'Secret/app', what: 'a Secret with data (base64 is not encryption)' },
    ]);
  });

  test('finds a large integer from --set (an int64) under a credential\'s name in the config Secret\'s values, as any number', () => {
    const config = { ...secret('vc-config-vc1'), data: { 'config.yaml': 'Y29udHJvbFBsYW5lOiB7fQ==' } };
    const values = { integrations: { x: { password: new Int64('12345678', '--set integrations.x.password=12345678') } } };
    expect(findLeaks([config], { config: { object: 'Secret/vc-config-vc1', path: ['data', 'config.yaml'], values } })).toEqual([
      { at: 'Secret/vc-config-vc1:data["config.yaml"].integrations.x.password', what: 'the value of the key "password"' },
    ]);
  });

  test('finds the same in each string while strings are read once, at every place a string is, and each string its own', () => {
    const manifests = `kind: Secret\nmetadata: {name: s}\ndata: {token: ${Buffer.from(S).toString('base64')}}\n`;
    const objects = (name: string) => [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: manifests, b: manifests, c: 'plain text', d: `token=${S}` } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${name}-clean` }, data: { a: 'plain text', b: 'kind: ConfigMap\n' } },
    ];
    const expected = (name: string) => [
      { at: `ConfigMap/${name}:data.a`, what: 'a Secret with data (base64 is not encryption)' },
      { at: `ConfigMap/${name}:data.b`, what: 'a Secret with data (base64 is not encryption)' },
      { at: `ConfigMap/${name}:data.d`, what: expect.any(String) },
    ];
    const alone = findLeaks(objects('x'), scope);
    expect(alone).toEqual(expected('x'));
    expect(scanningStringsOnce(() => [findLeaks(objects('x'), scope), findLeaks(objects('y'), scope)])).toEqual([alone, expected('y')]);
  });

  test('reads embedded YAML with an alias bomb as text, key lines included, without expanding it', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghij'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(',')}]`),
      `password: ${S}`,
    ].join('\n');
    const leaks = findLeaks([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'values.yaml': bomb } }], scope);
    expect(leaks).toEqual([{ at: 'ConfigMap/c:data["values.yaml"]', what: 'the value of the key "password"' }]);
  });

  test('parses embedded YAML up to the limits of values files, and reads larger text as text', () => {
    const manifestsOf = (bytes: number) => `kind: ConfigMap\nmetadata: {name: big}\ndata: {pad: ${'x'.repeat(bytes)}}\n---\n${secretYaml('Secret')}`;
    const leaks = (text: string) => findLeaks([{ kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'manifests.yaml': text } }], scope);
    const at = 'ConfigMap/c:data["manifests.yaml"]';
    expect(leaks(manifestsOf(MAX_YAML_BYTES - 1024))).toEqual([{ at: `${at}[1]`, what: 'a Secret with data (base64 is not encryption)' }]);
    expect(leaks(manifestsOf(MAX_YAML_BYTES))).toEqual([{ at, what: 'the value of the key "token"' }]);
  });
});
