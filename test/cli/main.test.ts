import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { runCommand as run, tempFiles } from './cli-helper';

const { dir, file } = tempFiles('cdk8s-vcluster-cli-');

function kindsAndNames(stdout: string): string[] {
  return parseAllDocuments(stdout).map((d) => {
    const o = d.toJS();
    return `${o.kind}/${o.metadata.name}`;
  });
}

describe('cdk8s-vcluster template', () => {
  test('prints the manifests for a release like helm template', () => {
    const r = run(['template', 'vc1', '-n', 'vc1', '-f', file('ok.yaml', 'controlPlane:\n  ingress:\n    enabled: true\n    host: vc1.example.com\n')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const objects = kindsAndNames(r.stdout);
    expect(objects).toContain('Secret/vc-config-vc1');
    expect(objects).toContain('Ingress/vc1');
    expect(objects).toContain('Service/vc1');
  });

  test('prints credentials as helm does, and warns on stderr, one line per credential', () => {
    const values = file('creds.yaml', [
      'controlPlane:', '  backingStore:', '    database:', '      external:', '        enabled: true',
      '        dataSource: postgres://vc:pw@db.example.com/vc',
      'privateNodes:', '  joinNode:', '    containerd:', '      registry:', '        auth:', '          registry.example.com:', '            password: pw', '',
    ].join('\n'));
    const r = run(['template', 'vc1', '-f', values]);
    expect(r.code).toBe(0);
    expect(kindsAndNames(r.stdout)).toContain('Secret/vc-config-vc1');
    expect(r.stderr).toBe([
      'Warning: controlPlane.backingStore.database.external.dataSource: a database DSN with a password, in clear in the output (the config Secret vc-config-vc1 is base64 only)',
      'Warning: privateNodes.joinNode.containerd.registry.auth["registry.example.com"].password: a password, in clear in the output (the config Secret vc-config-vc1 is base64 only)',
      '',
    ].join('\n'));
  });

  test('layers several values files, later ones winning', () => {
    const a = file('a.yaml', 'controlPlane:\n  ingress:\n    enabled: true\n    host: a.example.com\n');
    const b = file('b.yaml', 'controlPlane:\n  ingress:\n    host: b.example.com\n');
    const r = run(['template', 'vc1', '-f', a, '--values', b]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('b.example.com');
    expect(r.stdout).not.toContain('a.example.com');
  });

  test('uses the default namespace when -n is not given, as helm does', () => {
    const r = run(['template', 'vc1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/namespace: default/);
  });

  test('documents every option in --help', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    for (const option of ['--namespace', '--values', '--kube-version', '--help', 'template NAME']) expect(r.stdout).toContain(option);
  });

  test.each([
    ['a missing file', () => ['template', 'vc1', '-f', join(dir, 'nope.yaml')], /nope\.yaml: cannot read values file \(ENOENT\)/],
    ['malformed YAML', () => ['template', 'vc1', '-f', file('bad.yaml', 'a: [1\n')], /bad\.yaml: not valid YAML/],
    ['a values file that is not a map', () => ['template', 'vc1', '-f', file('list.yaml', '- 1\n')], /list\.yaml: a values file must be a map/],
    ['invalid values', () => ['template', 'vc1', '-f', file('inv.yaml', 'controlPlane:\n  backingStore:\n    etcd:\n      deploy:\n        enabled: true\n      embedded:\n        enabled: true\n')], /controlPlane\.backingStore/],
    ['an invalid release name', () => ['template', 'VC_1'], /name: "VC_1" is not a valid release name/],
  ])('fails on %s with one line on stderr and nothing on stdout', (_what, args, message) => {
    const r = run(args());
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test('fails with usage status 2 on an unknown option or a missing name', () => {
    expect(run(['template', 'vc1', '--bogus'])).toMatchObject({ code: 2, stdout: '' });
    expect(run(['template'])).toMatchObject({ code: 2, stdout: '' });
    expect(run(['install', 'vc1']).stderr).toContain('unknown command "install"');
  });
});
