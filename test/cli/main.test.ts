import { readFileSync } from 'fs';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { runCommand as run, tempFiles } from './cli-helper';
import { FLAGS } from '../../src/cli/args';
import { COMMAND_NAMES, COMMANDS } from '../../src/cli/commands';
import { CHART_VERSIONS } from '../../src/values/chart-version';

const { dir, file } = tempFiles('cdk8s-vcluster-cli-');

function kindsAndNames(stdout: string): string[] {
  return parseAllDocuments(stdout).map((d) => {
    const o = d.toJS();
    return `${o.kind}/${o.metadata.name}`;
  });
}

describe('cdk8s-vcluster template and credentials', () => {
  test('prints credentials as helm does, and warns on stderr, one line per credential', () => {
    const values = file('creds.yaml', [
      'controlPlane:', '  backingStore:', '    database:', '      external:', '        enabled: true',
      '        dataSource: postgres://vc:pw@db.example.com/vc',
      'privateNodes:', '  joinNode:', '    containerd:', '      registry:', '        auth:', '          registry.example.com:',
        '            password: pw', '',
    ].join('\n'));
    const r = run(['template', 'vc1', '-f', values]);
    expect(r.code).toBe(0);
    expect(kindsAndNames(r.stdout)).toContain('Secret/vc-config-vc1');
    expect(r.stderr).toBe([
      'warning: Secret/vc-config-vc1:data["config.yaml"].controlPlane.backingStore.database.external.dataSource: a password in a URL, in ' +
        'clear in the output',
      'warning: Secret/vc-config-vc1:data["config.yaml"].privateNodes.joinNode.containerd.registry.auth["registry.example.com"].password: ' +
        'the value of the key "password", in clear in the output',
      '',
    ].join('\n'));
  });
});

describe('cdk8s-vcluster template and the output guard', () => {
  test('prints what helm prints and warns once per location the guard finds, without the value', () => {
    const values = file('guarded.yaml', [
      'controlPlane:', '  statefulSet:', '    env:', '    - name: DB_PASSWORD', '      value: Gu4rd-s3cret',
      'experimental:', '  deploy:', '    host:', '      manifests: |-',
      '        {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "app"}, "stringData": {"token": "Gu4rd-s3cret"}}', '',
    ].join('\n'));
    const r = run(['template', 'vc1', '-f', values]);
    expect(r.code).toBe(0);
    expect(kindsAndNames(r.stdout)).toContain('Secret/app');
    expect(r.stdout).toContain('Gu4rd-s3cret');
    const warnings = r.stderr.split('\n').filter((l) => l !== '');
    expect(warnings).toEqual([
      'warning: Secret/vc-config-vc1:data["config.yaml"].controlPlane.statefulSet.env[0].value: the value of DB_PASSWORD, in clear in the output',
      'warning: Secret/vc-config-vc1:data["config.yaml"].experimental.deploy.host.manifests: a Secret with data (base64 is not encryption), ' +
        'in clear in the output',
      'warning: Secret/app: a Secret with data (base64 is not encryption), in clear in the output',
      expect.stringMatching(
        /^warning: StatefulSet\/vc1:spec\.template\.spec\.containers\[0\]\.env\[\d+\]\.value: the value of DB_PASSWORD, in clear in the output$/,
      ),
    ]);
  });
});

describe('cdk8s-vcluster values files', () => {
  test('layers several values files, later ones winning', () => {
    const a = file('a.yaml', 'controlPlane:\n  ingress:\n    enabled: true\n    host: a.example.com\n');
    const b = file('b.yaml', 'controlPlane:\n  ingress:\n    host: b.example.com\n');
    const r = run(['template', 'vc1', '-f', a, '--values', b]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('b.example.com');
    expect(r.stdout).not.toContain('a.example.com');
  });

  test('merges the documents of one file in order, as helm v4 does', () => {
    const multi = file('multi.yaml', 'controlPlane:\n  ingress:\n    enabled: true\n    host: a.example.com\n---\n# the ' +
      'host\n---\ncontrolPlane:\n  ingress:\n    host: b.example.com\n');
    const r = run(['template', 'vc1', '-f', multi]);
    expect(r.stderr).toBe('');
    expect(kindsAndNames(r.stdout)).toContain('Ingress/vc1');
    expect(r.stdout).toContain('b.example.com');
    expect(r.stdout).not.toContain('a.example.com');
  });

  test('uses the default namespace when -n is not given and no kubeconfig names one, as helm does', () => {
    const r = run(['template', 'vc1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/namespace: default/);
  });

  test.each([
    ['a missing file', () => ['template', 'vc1', '-f', join(dir, 'nope.yaml')], /nope\.yaml: cannot read values file \(ENOENT\)/],
    ['malformed YAML', () => ['template', 'vc1', '-f', file('bad.yaml', 'a: [1\n')], /bad\.yaml: not valid YAML \(line 2, column 1\)/],
    ['malformed YAML in a later document, with its line in the file', () => ['template', 'vc1', '-f', file('bad2.yaml',
      'a: 1\n---\nb: [1\n')], /bad2\.yaml: not valid YAML \(line 4, column 1\)/],
    ['a values file that is not a map', () => ['template', 'vc1', '-f', file('list.yaml', '- 1\n')], /list\.yaml: a values file must be a map/],
    ['a document that is not a map', () => ['template', 'vc1', '-f', file('list2.yaml', 'a: 1\n---\n- 1\n')],
      /list2\.yaml \(document 2\): a values file must be a map/],
    ['text after "---" on its line', () => ['template', 'vc1', '-f', file('sep.yaml', 'a: 1\n--- {b: 2}\n')],
      /sep\.yaml: line 2: "---" followed by "\{b: 2\}" is no document separator/],
    ['bytes that are no UTF-8', () => ['template', 'vc1', '-f', file('latin1.yaml', Buffer.from('a: 1\nb: "caf\xe9"\n', 'latin1'))],
      /latin1\.yaml: not valid UTF-8 at byte offset 12 \(line 2\): 0xe9\. Helm refuses such files too/],
    ['a __proto__ key', () => ['template', 'vc1', '-f', file('proto.yaml', '__proto__:\n  polluted: true\n')],
      /proto\.yaml: __proto__: the key "__proto__" is refused/],
    ['a nested constructor key', () => ['template', 'vc1', '-f', file('ctor.yaml', 'controlPlane:\n  statefulSet:\n    labels:\n      ' +
      'constructor: x\n')],
      /ctor\.yaml: controlPlane\.statefulSet\.labels\.constructor: the key "constructor" is refused/],
    ['values nested 700 levels deep', () => ['template', 'vc1', '-f', file('deep.yaml', `controlPlane:\n  statefulSet:\n    security:\n     ` +
      ` podSecurityContext: ${'{"k":'.repeat(700)}1${'}'.repeat(700)}\n`)],
      /deep\.yaml \(line 4, column \d+\): controlPlane\.statefulSet\.security\.podSecurityContext\.k\.k….*: values nest more than 100 levels deep/],
    ['an anchor that contains itself', () => ['template', 'vc1', '-f', file('cycle.yaml', 'a: &x [*x]\n')],
      /cycle\.yaml: the anchor &x contains its own alias \*x/],
    ['invalid values', () => ['template', 'vc1', '-f', file('inv.yaml', 'controlPlane:\n  backingStore:\n    etcd:\n      deploy:\n        ' +
      'enabled: true\n      embedded:\n        enabled: true\n')], /controlPlane\.backingStore/],
    ['an invalid release name', () => ['template', 'VC_1'], /name: "VC_1" is not a valid release name/],
  ])('fails on %s with one line on stderr and nothing on stdout', (_what, args, message) => {
    const r = run(args());
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test('reads a UTF-16 file with its byte order mark, as go-yaml does (its first document)', () => {
    const text = 'controlPlane:\n  ingress:\n    enabled: true\n    host: u16.example.com\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r = run(['template', 'vc1', '-f', 'u16.yaml'], { readFile: () => utf16 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('u16.example.com');
  });
});

describe('cdk8s-vcluster output and status', () => {
  test('lists every command for --help, help and no arguments', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    for (const command of COMMAND_NAMES) expect(r.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
    expect(r.stdout).toMatch(/^ {2}version +\S/m);
    expect(run(['help'])).toEqual(r);
    expect(run([])).toEqual(r);
  });

  test.each(COMMAND_NAMES)('prints only the help of %s for "<command> --help", -h and "help <command>"', (command) => {
    const r = run([command, '--help']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(new RegExp(`^Usage: cdk8s-vcluster ${command} `));
    // Its own flags, no other command's.
    for (const f of FLAGS.filter((x) => x.use === 'effect')) {
      expect(r.stdout.includes(`--${f.name} `) || r.stdout.includes(`--${f.name}\n`)).toBe(f.commands.includes(command));
    }
    for (const other of COMMAND_NAMES.filter((c) => c !== command)) expect(r.stdout).not.toContain(`cdk8s-vcluster ${other}`);
    expect(r.stdout).toContain('Exit status');
    expect(run([command, '-h'])).toEqual(r);
    expect(run(['help', command])).toEqual(r);
  });

  test.each(['--version', 'version'])('prints the version of package.json for %s', (flag) => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    const r = run([flag]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`cdk8s-vcluster ${version} (vCluster chart ${CHART_VERSIONS.join(', ')}; Node.js ${process.versions.node})\n`);
  });

  test('keeps --version after template as the chart version, as helm does', () => {
    expect(run(['template', 'vc1', '--version', '0.35.3']).stdout).toContain('chart: vcluster-0.35.3');
  });

  test('fails with usage status 2 and a pointer to the help on an unknown command, and with the command\'s usage status on its flags', () => {
    const commands = COMMAND_NAMES.map((c) => `"${c}"`).join(', ');
    const stderr = `Error: unknown command "install"; the commands are ${commands}\nRun "cdk8s-vcluster --help" for usage.\n`;
    expect(run(['install', 'vc1'])).toEqual({ code: 2, stdout: '', stderr });
    expect(run(['--version', 'x'])).toMatchObject({ code: 2, stdout: '' });
    for (const command of COMMAND_NAMES) {
      const r = run([command, '--bogus']);
      const stderr = `Error: unknown flag --bogus\nRun "cdk8s-vcluster ${command} --help" for usage.\n`;
      expect(r).toEqual({ code: COMMANDS[command].usageStatus, stdout: '', stderr });
    }
  });

  test.each(['ENOSPC', 'EIO'])('exits with status 1 and one line on stderr when stdout fails with %s', (code) => {
    const r = run(['template', 'vc1'], { stdout: () => { throw Object.assign(new Error(`${code}: write failed`), { code }); } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`Error: cannot write to standard output (${code}); the output is incomplete\n`);
  });

  test('writes nothing to stdout when the values are refused', () => {
    let written = false;
    const r = run(['template', 'vc1', '--set', 'controlPlane.statefulSet.labels.x=1'], { stdout: () => { written = true; } });
    expect(r.code).toBe(1);
    expect(written).toBe(false);
  });
});
