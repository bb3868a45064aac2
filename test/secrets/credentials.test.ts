import { credentialFields, findCredentials as findIn } from '../../src/secrets/credentials';
import { CHART_VERSIONS, DEFAULT_CHART_VERSION } from '../../src/values/chart-version';
import { ValueMap } from '../../src/values/value-map';

const findCredentials = (values: ValueMap) => findIn(values, DEFAULT_CHART_VERSION);

describe('the credential inventory', () => {
  test('lists the credential fields of chart 0.36.1, found in its schema by name', () => {
    // The fields the chart's values document as passwords, tokens, registry auth, DSNs and raw
    // manifests (values.yaml of 0.36.1).
    expect(credentialFields('0.36.1')).toEqual([
      'controlPlane.backingStore.database.embedded.dataSource',
      'controlPlane.backingStore.database.external.dataSource',
      'controlPlane.standalone.joinNode.containerd.registry.auth.*.auth',
      'controlPlane.standalone.joinNode.containerd.registry.auth.*.identityToken',
      'controlPlane.standalone.joinNode.containerd.registry.auth.*.password',
      'experimental.deploy.host.manifests',
      'experimental.deploy.host.manifestsTemplate',
      'experimental.deploy.vcluster.helm[].chart.password',
      'experimental.deploy.vcluster.manifests',
      'experimental.deploy.vcluster.manifestsTemplate',
      'privateNodes.joinNode.containerd.registry.auth.*.auth',
      'privateNodes.joinNode.containerd.registry.auth.*.identityToken',
      'privateNodes.joinNode.containerd.registry.auth.*.password',
      'snapshots.auto.storage.oci.password',
    ]);
  });
});

describe('the inventory per chart version', () => {
  test.each(CHART_VERSIONS.map((v) => [v]))('is read from the schema of %s, which has the same credential fields as 0.36.1', (version) => {
    expect(credentialFields(version)).toEqual(credentialFields('0.36.1'));
  });
});

describe('credentials in values', () => {
  const dsn = (dataSource: string) => findCredentials({ controlPlane: { backingStore: { database: { external: { dataSource } } } } });

  test.each([
    ['a URL with user and password', 'postgres://vcluster:s3cret@db.example.com:5432/vcluster'],
    ["Go's MySQL form", 'vcluster:s3cret@tcp(db.example.com:3306)/vcluster'],
    ['the PostgreSQL keyword form', 'host=db.example.com user=vcluster password=s3cret dbname=vcluster'],
    ['a password parameter', 'sqlserver://db.example.com?database=vc&password=s3cret'],
  ])('finds a password in a DSN: %s', (_what, value) => {
    expect(dsn(value)).toEqual([
      expect.objectContaining({ path: 'controlPlane.backingStore.database.external.dataSource', what: 'a database DSN with a password', value }),
    ]);
  });

  test.each([
    ['a URL without a password', 'postgres://vcluster@db.example.com:5432/vcluster'],
    ["Go's MySQL form without a password", 'vcluster@tcp(db.example.com:3306)/vcluster'],
    ['an empty password parameter', "host=db user=vc password='' dbname=vc"],
    ['a SQLite file', '/data/state.db'],
  ])('finds none in a DSN without one: %s', (_what, value) => {
    expect(dsn(value)).toEqual([]);
  });

  test('finds registry credentials under any host, with the host bracketed in the path', () => {
    const found = findCredentials({
      privateNodes: {
        joinNode: {
          containerd: { registry: { auth: { 'registry.example.com': { username: 'ci', password: 'p', identityToken: '', auth: 'Y2k6cA==' } } } },
        },
      },
    });
    expect(found.map((c) => [c.path, c.what])).toEqual([
      ['privateNodes.joinNode.containerd.registry.auth["registry.example.com"].password', 'a password'],
      ['privateNodes.joinNode.containerd.registry.auth["registry.example.com"].auth', 'registry credentials (base64 of user:password)'],
    ]);
  });

  test('finds the password of a chart deployed inside, by its index', () => {
    const found = findCredentials({
      experimental: { deploy: { vcluster: { helm: [{ chart: { name: 'a' } }, { chart: { name: 'b', password: 'p' } }] } } },
    });
    expect(found.map((c) => c.path)).toEqual(['experimental.deploy.vcluster.helm[1].chart.password']);
  });

  test('finds a Secret among manifests, and says whether the chart renders it onto the host', () => {
    const secret = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: ' +
      'b}\nstringData: {token: t}\n';
    const found = findCredentials({ experimental: { deploy: { host: { manifests: secret }, vcluster: { manifestsTemplate: secret } } } });
    expect(found.map((c) => [c.path, c.renderedAsObject])).toEqual([
      ['experimental.deploy.host.manifests', true],
      ['experimental.deploy.vcluster.manifestsTemplate', false],
    ]);
    expect(findCredentials({ experimental: { deploy: { vcluster: { manifests: 'kind: ConfigMap\n' } } } })).toEqual([]);
  });
});
