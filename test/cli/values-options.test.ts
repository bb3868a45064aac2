import { parseAllDocuments } from 'yaml';
import { runCommand, tempFiles } from './cli-helper';

// Facts measured with helm v4.1.4 and chart 0.36.1: `helm template vc1 <chart> -n vc1` and the same flags. `--set` types a
// decimal integer without a leading zero as int64 (strvals), `--set-json` and values files give float64: Go's %v (`{{ x }}`,
// `quote`) prints the int64 in full and the float64 1000000 as 1e+06; toYaml (the config Secret, and so the config hash)
// prints both in full, exactly only for the int64 beyond 2^53. Past int64, and for 1.5 or 1e6, `--set` keeps the text.

const ETCD = ['--set', 'controlPlane.backingStore.etcd.embedded.enabled=true'];
const QUOTA = ['--set', 'policies.resourceQuota.enabled=true'];

function template(args: string[]) {
  const r = runCommand(['template', 'vc1', '-n', 'vc1', ...args]);
  expect(r.stderr).toBe('');
  const docs = parseAllDocuments(r.stdout).map((d) => d.toJS());
  const sts = docs.find((o) => o.kind === 'StatefulSet');
  const secret = docs.find((o) => o.kind === 'Secret' && o.metadata.name === 'vc-config-vc1');
  return {
    replicas: sts.spec.replicas,
    replicasLine: /^ {2}replicas: .*$/m.exec(r.stdout)?.[0],
    quota: docs.find((o) => o.kind === 'ResourceQuota')?.spec.hard,
    config: Buffer.from(secret.data['config.yaml'], 'base64').toString('utf8'),
    hash: sts.spec.template.metadata.annotations.vClusterConfigHash,
  };
}

describe('integers from --set, which Helm holds as int64', () => {
  test.each([
    // [integer, helm's vClusterConfigHash]: the same hash as the float64 from a values file or --set-json (the text is the same).
    ['1000000', '0e65c67e72bb042f97841c9d0c311fcba0b9e8f49840b48899fb665dfb4a5d57'],
    ['2147483648', '05dec2b28cb3265cbcf2868b6b84f13bd1e03c5bad3492cd4316aa52fc72d24e'],
    ['9007199254740992', '736301c8b6dc206ed2e9fa98bc7d0e7b0822f9f697e91088b645cd24639ae81a'],
  ])('replicas=%s renders that integer, as Helm does, in the StatefulSet and the config Secret, to Helm\'s hash', (n, hash) => {
    const out = template([...ETCD, '--set', `controlPlane.statefulSet.highAvailability.replicas=${n}`]);
    expect(out.replicas).toBe(Number(n));
    expect(out.replicasLine).toBe(`  replicas: ${n}`);
    expect(out.config).toContain(`\n      replicas: ${n}\n`);
    expect(out.hash).toBe(hash);
  });

  test.each([
    // [integer, what helm quotes, the config Secret's line, helm's hash]
    ['1000000', '1000000', 'count/jobs.batch: 1000000', 'a9903138f7d83b7823f24cc4882af4d306b874899369975d95b9a8c09ea3ed41'],
    ['-0', '0', 'count/jobs.batch: 0', '167c7cc77e2dd1302fac89393b4173b5970d3edad58cb5a27e789dfeb7af1e78'],
  ])('a quota of %s prints as Go prints the int64 ("%s"), in the config Secret as "%s", to Helm\'s hash', (n, quoted, line, hash) => {
    const out = template([...QUOTA, '--set', `policies.resourceQuota.quota.count/jobs\\.batch=${n}`]);
    expect(out.quota['count/jobs.batch']).toBe(quoted);
    expect(out.config).toContain(`\n      ${line}\n`);
    expect(out.hash).toBe(hash);
  });

  test.each([
    // [integer, the config Secret's line, helm's hash]: exact beyond 2^53, to int64's ends.
    ['9007199254740993', 'count/pods: 9007199254740993', 'c88f44ea3968d7481e46fa15d0067f7707c5eb4de3b05f1d5a69a2c64215360c'],
    ['9223372036854775807', 'count/pods: 9223372036854775807', 'e361b16eab840396d6bb41caf4a2e24b1030cc24789a4480c1cf48d9af759422'],
    // Past int64 it stays text, which toYaml quotes; so do a fraction and an exponent.
    ['9223372036854775808', 'count/pods: "9223372036854775808"', '95589b6c267778019f77eccc2a88a42d1a339a6b2673a327a5049c54b2ba090f'],
    ['1e6', 'count/pods: "1e6"', 'e86eda848129f73e9e73e7c4915032c53feeb25a3f6b701e9816719f4c170210'],
  ])('a quota count of %s is quoted as written and written exactly into the config Secret ("%s"), to Helm\'s hash', (n, line, hash) => {
    const out = template([...QUOTA, '--set', `policies.resourceQuota.quota.count/pods=${n}`]);
    expect(out.quota['count/pods']).toBe(n);
    expect(out.config).toContain(`\n      ${line}\n`);
    expect(out.hash).toBe(hash);
  });

  test.each([
    ['-1000000', '6ea79eb178b9e88f9af4f7a387af7a6612a84bf09719f47d31aae6c1cdd79bc2'],
    ['-9223372036854775808', '5de8a620ca87301a8eba0d0948a4a52199dc43b5081d7af890b409ceddb39208'],
    ['-0', '087918cddede4c12780e930a6c33c91f12c49d3523bce8733d1cbe3a59611390'],
  ])('a negative integer (%s) is written exactly into the config Secret, to Helm\'s hash', (n, hash) => {
    const out = template(['--set', `controlPlane.statefulSet.highAvailability.leaseDuration=${n}`]);
    expect(out.config).toContain(`\n      leaseDuration: ${n === '-0' ? '0' : n}\n`);
    expect(out.hash).toBe(hash);
  });

  test('fails when an integer beyond 2^53 lands in a number field, naming the argument, the field and the range', () => {
    const r = runCommand(['template', 'vc1', '-n', 'vc1', ...ETCD, '--set', 'controlPlane.statefulSet.highAvailability.replicas=9007199254740993']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe('Error: release vc1: --set controlPlane.statefulSet.highAvailability.replicas=9007199254740993: the chart writes the ' +
      'integer 9007199254740993 into StatefulSet/vc1 as a number (spec.replicas), and Helm keeps it exact; cdk8s writes objects through ' +
      'JavaScript numbers, which hold integers exactly only up to 2^53 (9007199254740992). Give an integer from -9007199254740992 to ' +
      '9007199254740992.\n');
  });

  test('fails as Helm\'s schema does when past int64, a fraction or an exponent stays text where an integer is expected', () => {
    for (const n of ['9223372036854775808', '1.5', '1e6']) {
      const r = runCommand(['template', 'vc1', '-n', 'vc1', '--set', `controlPlane.statefulSet.highAvailability.replicas=${n}`]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`controlPlane.statefulSet.highAvailability.replicas: expected integer, got string "${n}"`);
    }
  });

  test('fails as Helm\'s schema does where text is expected, showing the integer as written (helm: got number, want string)', () => {
    const r = runCommand(['template', 'vc1', '-n', 'vc1', '--set', 'controlPlane.statefulSet.labels.build=9007199254740993']);
    expect(r).toMatchObject({ code: 1, stderr: 'Error: release vc1: controlPlane.statefulSet.labels.build: expected string, got number ' +
      '9007199254740993.\n' });
  });

  test('warns when a large integer breaks a rule beyond Helm\'s, as any number would, and renders as Helm does', () => {
    const r = runCommand(['template', 'vc1', '-n', 'vc1', '--set', 'controlPlane.proxy.port=1000000']);
    expect(r).toMatchObject({ code: 0, stderr: 'warning: controlPlane.proxy.port: expected a port from 1 to 65535, got 1000000. ' +
      'Choose a port in that range.\n' });
    expect(r.stdout).toContain('kind: StatefulSet');
  });

  test('fails without showing a large integer at a credential path', () => {
    const r = runCommand(['template', 'vc1', '-n', 'vc1', '--set', 'a.password=12345678,a.password.b=1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('a.password holds a number (not shown: a credential), not a map');
    expect(r.stderr).not.toContain('12345678');
  });

  test('--set-string, --set-file and --set-literal keep an integer text, as Helm does', () => {
    const { file } = tempFiles('set-numbers-');
    const count = file('count.txt', '1000000');
    for (const args of [['--set-string', 'policies.resourceQuota.quota.count/pods=1000000'],
      ['--set-file', `policies.resourceQuota.quota.count/pods=${count}`],
      ['--set-literal', 'policies.resourceQuota.quota.count/pods=1000000']]) {
      const out = template([...QUOTA, ...args]);
      expect(out.quota['count/pods']).toBe('1000000');
      expect(out.config).toContain('\n      count/pods: "1000000"\n');
    }
  });
});

describe('numbers from --set-json, which Helm holds as float64', () => {
  test.each([
    ['1000000', '1e+06', '0e65c67e72bb042f97841c9d0c311fcba0b9e8f49840b48899fb665dfb4a5d57'],
    ['2147483648', '2.147483648e+09', '05dec2b28cb3265cbcf2868b6b84f13bd1e03c5bad3492cd4316aa52fc72d24e'],
  ])('replicas=%s renders the number Helm\'s "%s" reads as, with the config text and hash of the int64', (n, helmText, hash) => {
    const out = template([...ETCD, '--set-json', `controlPlane.statefulSet.highAvailability.replicas=${n}`]);
    expect(out.replicas).toBe(Number(helmText));
    expect(out.config).toContain(`\n      replicas: ${n}\n`);
    expect(out.hash).toBe(hash);
  });

  test.each([
    ['1000000', '1e+06', 'count/pods: 1000000', 'd696f5207f302097c07f2d1c063710628989822b1fab9a7c913306aaac11eb2e'],
    ['9007199254740993', '9.007199254740992e+15', 'count/pods: 9007199254740992', '1bec2087a90033b55d3cd8607981bccb897c421c7508458e84a6a16357af8dc4'],
    ['9223372036854775807', '9.223372036854776e+18', 'count/pods: 9223372036854776000',
      '9adc6011fc996630bcf68e18426186bcb5a4192b96e07e41e34f83279d8c1996'],
  ])('a quota count of %s is quoted as Go prints the float64 ("%s"), with Helm\'s config line "%s" and hash', (n, quoted, line, hash) => {
    const out = template([...QUOTA, '--set-json', `policies.resourceQuota.quota.count/pods=${n}`]);
    expect(out.quota['count/pods']).toBe(quoted);
    expect(out.config).toContain(`\n      ${line}\n`);
    expect(out.hash).toBe(hash);
  });

  test('-0 quotes as "-0" and is 0 in the config Secret, as Helm does', () => {
    const out = template([...QUOTA, '--set-json', 'policies.resourceQuota.quota.count/jobs\\.batch=-0']);
    expect(out.quota['count/jobs.batch']).toBe('-0');
    expect(out.hash).toBe('167c7cc77e2dd1302fac89393b4173b5970d3edad58cb5a27e789dfeb7af1e78');
  });
});
