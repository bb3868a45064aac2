import { credentialInText } from '../../src/secrets/credential-text';
import { namesCredential } from '../../src/values/credential-names';

describe('strings that carry a credential', () => {
  test.each([
    ['mysql://vc:pw@tcp(db:3306)/vc', 'a password in a URL'],
    ['mysql://vc:p/x@tcp(db:3306)/vc', 'a password in a URL'],
    ['vc:p@x@tcp(db:3306)/vc', 'a password in a database DSN'],
    ['vc:pw@/vc', 'a password in a database DSN'],
    ['vc:pw@tcp(db:3306)/vc', 'a password in a database DSN'],
    ['host=db password = pw dbname=vc', 'a password in a connection string'],
    ['host=db password= dbname=vc', 'a password in a connection string'],
    ['Server=db;Database=vc;User Id=vc;Pwd=pw;', 'a password in a connection string'],
    ['https://db.example.com/vc?user=vc&password=pw', 'a password in a connection string'],
    ['nats://s3cr3t@nats:4222', 'a token in a NATS URL'],
    ['https://root:pw@etcd:2379', 'a password in a URL'],
    ['http://$(PROXY_USER):$(PROXY_PASSWORD)x@proxy:3128', 'a password in a URL'],
    ['oci://user:pw@registry.example.com/snapshots', 'a password in a URL'],
    ['s3://AKIAABCDEFGHIJKLMNOP:pw@bucket/key', 'a password in a URL'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----', 'a private key (PEM)'],
    ['-----BEGIN OPENSSH PRIVATE KEY-----', 'a private key (PEM)'],
    [`ghp_${'a1'.repeat(18)}`, 'a GitHub token'],
    [`glpat-${'x'.repeat(20)}`, 'a GitLab token'],
    ['AKIAABCDEFGHIJKLMNOP', 'an AWS access key'],
    [`xoxb-${'1'.repeat(12)}-abc`, 'a Slack token'],
    [`npm_${'a'.repeat(36)}`, 'an npm token'],
    [`eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ2YzEifQ.${'s'.repeat(20)}`, 'a JSON web token'],
    ['Authorization: Bearer abcdefghijklmnopqrstuvwxyz', 'an Authorization header'],
    ['--oidc-client-secret=pw', 'the value of the flag --oidc-client-secret'],
    ['export DB_PASSWORD=pw; exec app', 'the value of DB_PASSWORD'],
    ['apiVersion: v1\nstringData:\n  password: {{ .Values.x }}\n  clientSecret: "pw" # set\n', 'the value of the key "clientSecret"'],
    ['{"auth": {"password": "pw"}}', 'the value of the key "password"'],
  ])('finds %j', (text, what) => {
    expect(credentialInText(text)).toBe(what);
  });

  test.each([
    'postgres://vc@db/vc', 'https://charts.example.com:8443/@scope/chart', 'ghcr.io/loft-sh/vcluster:0.36.1@sha256:abc',
      'git@github.com:acme/platform.git',
    'ssh://git@github.com/acme/platform.git', '--client-cert-auth=true', '--service-account-key-file=/etc/k8s/sa.key',
      '--token-auth-file=/etc/tokens.csv',
    'password=', "host=db password='' dbname=vc", 'password: {{ .Values.password }}', 'password: ""',
      'secretName: db\npassword:\n  valueFrom: x', '-----BEGIN CERTIFICATE-----', 'DB_PASSWORD=$(DB_PASSWORD)', 'https://kubernetes.default.svc:443',
    'http://$(PROXY_USERNAME):$(PROXY_PASSWORD)@corp-proxy.example.com:3128', 'https://${PROXY_USER}:${PROXY_PASSWORD}@proxy:3128',
  ])('leaves %j alone', (text) => {
    expect(credentialInText(text)).toBeUndefined();
  });
});

describe('names that name a credential', () => {
  test.each(['password', 'DB_PASSWORD', 'oidc-client-secret', 'clientSecret', 'apiKey', 'API_KEY', 'identityToken', 'secretAccessKey',
    'privateKey', 'auth', 'passwd'])(
    '%s does', (name) => expect(namesCredential(name)).toBe(true));
  test.each(['passwordFile', 'secretName', 'existingSecret', 'key', 'secretKeyRef', 'tokenPath', 'maxTokens', 'initial-cluster-token',
    'shared/registry-credentials', 'bypass'])(
    '%s does not', (name) => expect(namesCredential(name)).toBe(false));
});
