import { ExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret';
import { SealedSecret } from '@kubernetes-models/sealed-secrets/bitnami.com/v1alpha1/SealedSecret';
import { Testing } from 'cdk8s';
import { parse } from 'yaml';
import { controllerKeys, unseal } from '../secrets/unseal';
import { BackingStore, ConfigSecret, CREDENTIALS_VERSION_ANNOTATION, RemoteSecret, VCluster, VClusterProps } from '../../src';
import type { VClusterValues } from '../../imports/chart-versions';

const DSN = 'postgres://vcluster:s3cret-Pa55@db.example.com:5432/vcluster';
const DSN_PATH = 'controlPlane.backingStore.database.external.dataSource';
const database = (dataSource?: string): VClusterValues =>
  ({ controlPlane: { backingStore: { database: { external: { enabled: true, ...(dataSource ? { dataSource } : {}) } } } } }) as VClusterValues;

function synth(props: VClusterProps): { vc: VCluster; manifests: any[]; text: string } {
  const chart = Testing.chart();
  const vc = new VCluster(chart, 'vc1', { namespace: 'vc1', createNamespace: false, ...props });
  const manifests = Testing.synth(chart);
  return { vc, manifests, text: JSON.stringify(manifests) };
}
const find = (manifests: any[], kind: string) => manifests.find((m) => m.kind === kind);
const controlPlane = (manifests: any[]) => manifests.find((m) => ['StatefulSet', 'Deployment'].includes(m.kind) && m.metadata.name === 'vc1');
const podHash = (manifests: any[]) => controlPlane(manifests).spec.template.metadata.annotations.vClusterConfigHash;

describe('credentials in the config Secret, by default', () => {
  test('fails when the values hold a DSN with a password, naming the path and the ways out', () => {
    expect(() => synth({ values: database(DSN) })).toThrow(
      [
        'the values of vc1 hold a credential in clear, which the config Secret vc-config-vc1 would carry into the output and git (base64 is ' +
          'not encryption):',
        `  ${DSN_PATH}: a database DSN with a password`,
        'Better still, the database needs no password with controlPlane.backingStore.database.external.identityProvider (e.g. "aws" for RDS ' +
          'IAM authentication); certificates for it can be mounted from a Secret (certFile, keyFile, caFile).',
        'Keep them out of git with the prop configSecret: ConfigSecret.externalSecret({ store, credentials }) reads each from a store on the ' +
          'cluster (External Secrets Operator); ' +
          'ConfigSecret.sealedSecret({ certificate }) seals the config for the Sealed Secrets controller; ' +
          'ConfigSecret.bringYourOwn() emits no config Secret (you create vc-config-vc1). ConfigSecret.plaintextInGit() keeps them in ' +
            'clear, knowingly.',
      ].join('\n'),
    );
  });

  test('fails when the DSN comes from the typed backing store', () => {
    expect(() => synth({ backingStore: BackingStore.externalDatabase({ dataSource: DSN }) })).toThrow(`${DSN_PATH}: a database DSN with a password`);
  });

  test('renders the chart’s Secret when the values hold no credential', () => {
    const { manifests } = synth({ values: database('postgres://vcluster@db.example.com/vcluster') });
    expect(find(manifests, 'Secret')).toMatchObject({ metadata: { name: 'vc-config-vc1' }, type: 'Opaque' });
  });

  test('keeps the chart’s Secret, credentials and hash included, when plaintext is chosen knowingly', () => {
    const { manifests, vc } = synth({ values: database(DSN), configSecret: ConfigSecret.plaintextInGit() });
    const config = Buffer.from(find(manifests, 'Secret').data['config.yaml'], 'base64').toString();
    expect(parse(config).controlPlane.backingStore.database.external.dataSource).toBe(DSN);
    expect(vc.values.controlPlane.backingStore.database.external.dataSource).toBe(DSN);
  });
});

describe('ConfigSecret.sealedSecret', () => {
  const keys = controllerKeys();

  test('emits a valid SealedSecret that unseals, under the strict scope, to the full config', () => {
    const { manifests, vc } = synth({ values: database(DSN), configSecret: ConfigSecret.sealedSecret({ certificate: keys.certificatePem }) });
    const sealed = find(manifests, 'SealedSecret');
    expect(() => new SealedSecret(sealed).validate()).not.toThrow();
    expect(find(manifests, 'Secret')).toBeUndefined();
    expect(sealed).toMatchObject({
      apiVersion: 'bitnami.com/v1alpha1',
      metadata: { name: 'vc-config-vc1', namespace: 'vc1', labels: { app: 'vcluster', release: 'vc1' } },
      spec: { template: { metadata: { name: 'vc-config-vc1', namespace: 'vc1' }, type: 'Opaque' } },
    });
    const config = unseal(keys.privateKey, 'vc1/vc-config-vc1', sealed.spec.encryptedData['config.yaml']).toString('utf8');
    expect(parse(config)).toEqual(vc.values);
  });

  test('takes the config hash without the credential, so it shows nothing of it', () => {
    const hash = (dataSource: string) =>
      podHash(synth({ values: database(dataSource), configSecret: ConfigSecret.sealedSecret({ certificate: keys.certificatePem }) }).manifests);
    expect(hash(DSN)).toBe(hash('postgres://vcluster:other@db.example.com:5432/vcluster'));
  });

  test('rolls the control plane when the credentials version changes', () => {
    const render = (credentialsVersion?: string) =>
      synth({ values: database(DSN), configSecret: ConfigSecret.sealedSecret({ certificate: keys.certificatePem, credentialsVersion }) }).manifests;
    const v2 = render('2');
    expect(controlPlane(v2).spec.template.metadata.annotations[CREDENTIALS_VERSION_ANNOTATION]).toBe('2');
    expect(podHash(v2)).not.toBe(podHash(render('1')));
  });

  test('fails when the certificate is not PEM', () => {
    expect(() => ConfigSecret.sealedSecret({ certificate: 'not a certificate' })).toThrow(
      /^configSecret.certificate: expected the Sealed Secrets controller's certificate as PEM \(kubeseal --fetch-cert > cert.pem\)/,
    );
  });

  test('fails when a Secret is among the host manifests, which the chart renders onto the host as they are', () => {
    const values = {
      experimental: { deploy: { host: { manifests: 'apiVersion: v1\nkind: Secret\nmetadata: {name: a}\nstringData: {t: x}\n' } } },
    } as VClusterValues;
    expect(() => synth({ values, configSecret: ConfigSecret.sealedSecret({ certificate: keys.certificatePem }) })).toThrow(
      'experimental.deploy.host.manifests: the chart renders the host manifests onto the host as they are, so a Secret there lands ' +
        'in the output in clear whatever becomes of the config Secret. Create that Secret with a SealedSecret or ExternalSecret of its own, ' +
          'outside the values.',
    );
  });
});

describe('ConfigSecret.sealedSecret with a private key given by mistake', () => {
  test('fails without showing any of the key', () => {
    const key = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAs3cr3tK3yB0dy\n-----END RSA PRIVATE KEY-----\n';
    expect(() => ConfigSecret.sealedSecret({ certificate: key })).toThrow('Got "(a private key, not shown)".');
    expect(() => ConfigSecret.sealedSecret({ certificate: key })).not.toThrow(/MIIE/);
  });
});

describe('ConfigSecret.externalSecret', () => {
  const store = { name: 'vault', kind: 'ClusterSecretStore' as const };
  const credentials = { [DSN_PATH]: { key: 'vc1/database', property: 'dsn' } };

  test('emits a valid ExternalSecret whose template writes the config with the credential from the store', () => {
    const { manifests, text } = synth({ values: database(), configSecret: ConfigSecret.externalSecret({ store, credentials }) });
    const es = find(manifests, 'ExternalSecret');
    // The v1 ExternalSecret kept the v1beta1 schema, the last one the models package has.
    expect(() => new ExternalSecret({ ...es, apiVersion: 'external-secrets.io/v1beta1' }).validate()).not.toThrow();
    expect(find(manifests, 'Secret')).toBeUndefined();
    expect(es).toMatchObject({
      apiVersion: 'external-secrets.io/v1',
      metadata: { name: 'vc-config-vc1', namespace: 'vc1' },
      spec: {
        refreshInterval: '3600s',
        secretStoreRef: store,
        target: {
          name: 'vc-config-vc1',
          creationPolicy: 'Owner',
          template: { engineVersion: 'v2', type: 'Opaque', metadata: { labels: { app: 'vcluster', release: 'vc1' } } },
        },
        data: [{ secretKey: 'controlPlane_backingStore_database_external_dataSource', remoteRef: { key: 'vc1/database', property: 'dsn' } }],
      },
    });
    const template: string = es.spec.target.template.data['config.yaml'];
    expect(template).toMatch(/^ {8}dataSource: \{\{ \.controlPlane_backingStore_database_external_dataSource \| toJson \}\}$/m);
    expect(text).not.toContain('cdk8s_vcluster_credential');
  });

  test('takes the credential out of the values when they hold it too', () => {
    const { text } = synth({ values: database(DSN), configSecret: ConfigSecret.externalSecret({ store, credentials }) });
    expect(text).not.toContain('s3cret-Pa55');
  });

  test('quotes template braces of the values, so the operator writes them as they are', () => {
    const values = { ...database(), controlPlane: { ...database().controlPlane, statefulSet: { annotations: { team: '{{x}}' } } } } as VClusterValues;
    const es = find(synth({ values, configSecret: ConfigSecret.externalSecret({ store, credentials }) }).manifests, 'ExternalSecret');
    expect(es.spec.target.template.data['config.yaml']).toContain('team: \'{{ "{{" }}x}}\'');
  });

  test('quotes template braces of the annotations it copies into the template, so none runs in the operator', () => {
    const annotations = { note: '{{ .controlPlane_backingStore_database_external_dataSource }}', plain: 'team-a' };
    const values = { ...database(), controlPlane: { ...database().controlPlane, advanced: { globalMetadata: { annotations } } } } as VClusterValues;
    const es = find(synth({ values, configSecret: ConfigSecret.externalSecret({ store, credentials }) }).manifests, 'ExternalSecret');
    expect(es.spec.target.template.metadata.annotations).toEqual({
      note: '{{ "{{" }} .controlPlane_backingStore_database_external_dataSource }}',
      plain: 'team-a',
    });
    // The ExternalSecret's own metadata is not a template: it keeps them as given.
    expect(es.metadata.annotations).toEqual(annotations);
  });

  test('reads a typed prop’s RemoteSecret from the store, with no credentials map to write', () => {
    const { manifests } = synth({
      backingStore: BackingStore.externalDatabase({ dataSource: RemoteSecret.of({ key: 'vc1/database', property: 'dsn' }) }),
      configSecret: ConfigSecret.externalSecret({ store }),
    });
    const es = find(manifests, 'ExternalSecret');
    expect(es.spec.data).toEqual([
      { secretKey: 'controlPlane_backingStore_database_external_dataSource', remoteRef: { key: 'vc1/database', property: 'dsn' } },
    ]);
    expect(es.spec.target.template.data['config.yaml']).toMatch(
      /^ {8}dataSource: \{\{ \.controlPlane_backingStore_database_external_dataSource \| toJson \}\}$/m,
    );
  });

  test('fails when a typed prop’s RemoteSecret has no store to be read from', () => {
    expect(() => synth({ backingStore: BackingStore.externalDatabase({ dataSource: RemoteSecret.of({ key: 'vc1/database' }) }) }))
      .toThrow('backingStore.dataSource: a RemoteSecret is read by the External Secrets Operator: set configSecret: ' +
        'ConfigSecret.externalSecret({ store: { name: "..." } }) to say from which store. Got {"key":"vc1/database"}.');
  });

  test('fails when a credential of the values has no reference', () => {
    expect(() => synth({ values: database(DSN), configSecret: ConfigSecret.externalSecret({ store, credentials: {} }) }))
      .toThrow(`${DSN_PATH}: this credential has no reference in configSecret.credentials, so it would land in git. Add { "${DSN_PATH}": { ` +
        `key: "...", property: "..." } } to the credentials and leave the value out of the values.`);
  });

  test('fails when a reference names a field that is no credential', () => {
    expect(() => synth({ configSecret: ConfigSecret.externalSecret({ store, credentials: { 'controlPlane.statefulSet.image.tag': { key: 'k' } } }) }))
      .toThrow('configSecret.credentials: "controlPlane.statefulSet.image.tag" is not a credential field of the chart; the store can stand ' +
        'in for the credential fields only.');
  });

  test('fails when the store is missing', () => {
    expect(() => ConfigSecret.externalSecret({ credentials } as any)).toThrow('configSecret.store: give the SecretStore to read the ' +
      'credentials from, e.g. { name: "vault" } or { name: "vault", kind: "ClusterSecretStore" }. Got nothing.');
  });
});

describe('ConfigSecret.bringYourOwn', () => {
  test('emits no config Secret, while the control plane still reads vc-config-<name>', () => {
    const { manifests, text } = synth({ values: database(DSN), configSecret: ConfigSecret.bringYourOwn() });
    expect(manifests.filter((m) => m.metadata.name === 'vc-config-vc1')).toEqual([]);
    expect(text).toContain('vc-config-vc1');
    expect(text).not.toContain('s3cret-Pa55');
  });
});
