// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object itself, so that jest.spyOn can replace its functions
import fs = require('fs');
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { App, Chart } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { runCommand as run, tempFiles } from './cli-helper';
import { goPathMatch } from '../../src/cli/template';
import { DEFAULT_CHART_VERSION } from '../../src/values/chart-version';
import { VCluster } from '../../src/vcluster';
import { loadCases, withCorpus } from '../conformance/cases';
import { compareManifests } from '../conformance/compare';

const { dir, file } = tempFiles('cdk8s-vcluster-template-');

const INGRESS = 'controlPlane:\n  ingress:\n    enabled: true\n    host: vc1.example.com\n  proxy:\n    extraSANs: [vc1.example.com]\n';

/** `# Source` and kind/name of each document, in order. */
function heads(stream: string): string[] {
  return stream.split(/^---\n/m).filter((d) => d.trim() !== '').map((d) => {
    const o = parseAllDocuments(d)[0].toJS();
    return `${/^# Source: (.*)$/m.exec(d)?.[1]} ${o.kind}/${o.metadata.name}`;
  });
}

const HOOKS = file('hooks.yaml', `experimental:
  deploy:
    host:
      manifests: |
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: pre
          annotations:
            helm.sh/hook: pre-install
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: test-pod
          annotations:
            helm.sh/hook: test
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: weird
          annotations:
            helm.sh/hook: not-an-event
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: plain
`);

describe('cdk8s-vcluster template prints what helm template prints', () => {
  test('prints the manifests of a release under helm\'s `---` and `# Source:` lines', () => {
    const r = run(['template', 'vc1', 'vcluster/vcluster', '-n', 'vc1', '-f', file('ok.yaml', INGRESS)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^---\n# Source: vcluster\/templates\/serviceaccount\.yaml\napiVersion: v1\nkind: ServiceAccount\n/);
    expect(heads(r.stdout)).toEqual(expect.arrayContaining([
      'vcluster/templates/config-secret.yaml Secret/vc-config-vc1',
      'vcluster/templates/ingress.yaml Ingress/vc1',
      'vcluster/templates/statefulset.yaml StatefulSet/vc1',
    ]));
  });

  withCorpus('The stream comparison with helm', () => {
    test('prints the manifests of every corpus case in helm\'s order with helm\'s `# Source:` lines', () => {
      const cases = loadCases().filter((c) => c.expected !== undefined);
      const differing = cases.filter((c) => {
        const r = run(['template', c.release.name, '-n', c.release.namespace, '--kube-version', c.release.kubeVersion, '-f', join(c.dir,
          'values.yaml')]);
        return heads(r.stdout).join('\n') !== heads(c.expected!).join('\n');
      });
      expect(differing.map((c) => c.name)).toEqual([]);
      expect(cases.length).toBeGreaterThan(100);
    });

    const tutorial = () => loadCases().find((c) => c.name === 'seed-05-sync-ingress')!;

    test.each([
      [['vc1', 'vcluster/vcluster', '-n', 'vc1']],
      [['vc1', 'loft-sh/vcluster', '--namespace=vc1']],
      [['vc1', 'oci://ghcr.io/loft-sh/vcluster', '--version', DEFAULT_CHART_VERSION, '-nvc1']],
      [['vc1', 'vcluster', '--repo', 'https://charts.loft.sh', '-n=vc1', `--version=v${DEFAULT_CHART_VERSION}`]],
      [['vc1', 'vcluster/vcluster', '-n', 'vc1', '--create-namespace', '--include-crds', '--skip-tests', '--is-upgrade', '--dry-run=client',
        '--timeout', '10m', '--wait', '--atomic', '--debug', '--kube-context', 'ci', '-a', 'networking.k8s.io/v1']],
    ])('renders the tutorial like helm for `template %j --kube-version 1.33.1 -f values.yaml`', (argv) => {
      const c = tutorial();
      const r = run(['template', ...argv, '--kube-version=1.33.1', '--values', join(c.dir, 'values.yaml')]);
      expect(r.stderr).toBe('');
      expect(compareManifests(c.expected!, r.stdout, true)).toEqual([]);
    });

    test('renders for Kubernetes 1.35.0 without --kube-version, as helm v4.1 does: the Role may resize pods', () => {
      const c = tutorial();
      const r = run(['template', 'vc1', 'vcluster/vcluster', '-n', 'vc1', '-f', join(c.dir, 'values.yaml')]);
      const problems = compareManifests(c.expected!, r.stdout, true);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.filter((p) => !p.startsWith('rbac.authorization.k8s.io/v1/Role vc1/vc-vc1: .rules'))).toEqual([]);
      expect(r.stdout).toBe(
        run(['template', 'vc1', 'vcluster/vcluster', '-n', 'vc1', '--kube-version', '1.35.0', '-f', join(c.dir, 'values.yaml')]).stdout,
      );
      const role = parseAllDocuments(r.stdout).map((d) => d.toJS()).find((o) => o.kind === 'Role');
      expect(role.rules).toContainEqual({ apiGroups: [''], resources: ['pods/resize'], verbs: ['patch', 'update'] });
    });
  });

  test('prints what the VCluster construct synthesizes for the same values', () => {
    const r = run(['template', 'vc1', '-n', 'team-a', '--kube-version', '1.33.1', '-f', file('same.yaml', INGRESS)]);
    const app = new App();
    new VCluster(new Chart(app, 'c'), 'vc1', {
      namespace: 'team-a',
      kubeVersion: '1.33.1',
      createNamespace: false,
      values: parseAllDocuments(INGRESS)[0].toJS(),
    });
    expect(r.stdout.replace(/^---\n# Source: .*\n/gm, '---\n')).toBe(`---\n${app.synthYaml()}`);
  });

  test('takes a lone CHART as helm does: the release is then "release-name"', () => {
    const r = run(['template', 'vcluster/vcluster']);
    expect(r.code).toBe(0);
    expect(heads(r.stdout)).toContain('vcluster/templates/statefulset.yaml StatefulSet/release-name');
    expect(heads(run(['template', 'vc1']).stdout)).toContain('vcluster/templates/statefulset.yaml StatefulSet/vc1');
    expect(heads(run(['template', '-g', 'vcluster/vcluster']).stdout)).toContain('vcluster/templates/statefulset.yaml StatefulSet/release-name');
    expect(run(['template', '-g', 'vc1'])).toMatchObject({ code: 1, stderr: expect.stringContaining('CHART "vc1" is not the vCluster chart') });
  });

  test('takes the namespace from $HELM_NAMESPACE or the kubeconfig context when -n is not given, as helm does', () => {
    const kubeconfig = file('kubeconfig', 'current-context: c\ncontexts: [{name: c, context: {cluster: k, namespace: team-k}}]\nclusters: ' +
      '[{name: k, cluster: {server: "https://k"}}]\n');
    expect(run(['template', 'vc1'], { env: { HELM_NAMESPACE: 'team-env' } }).stdout).toContain('namespace: team-env\n');
    expect(run(['template', 'vc1', '--kubeconfig', kubeconfig]).stdout).toContain('namespace: team-k\n');
    expect(run(['template', 'vc1'], { env: { KUBECONFIG: kubeconfig } }).stdout).toContain('namespace: team-k\n');
    expect(run(['template', 'vc1']).stdout).toContain('namespace: default\n');
  });
});

describe('values from the command line, as helm layers them', () => {
  test('--set gives what the same values in a file give (helm docs: --set outer.inner=value is outer: {inner: value})', () => {
    const fromFile = run(['template', 'vc1', '-f', file('ingress.yaml', INGRESS)]);
    const fromSet = run(['template', 'vc1', '--set', 'controlPlane.ingress.enabled=true,controlPlane.ingress.host=vc1.example.com',
      '--set', 'controlPlane.proxy.extraSANs={vc1.example.com}']);
    expect(fromSet.stderr).toBe('');
    expect(fromSet.stdout).toBe(fromFile.stdout);
  });

  test('applies the files first, then --set-json, --set, --set-string, --set-file and --set-literal, ' +
    'whatever their order on the command line', () => {
    const host = (argv: string[]) => {
      const r = run(['template', 'vc1', '--set', 'controlPlane.ingress.enabled=true', ...argv]);
      expect(r.stderr).toBe('');
      return parseAllDocuments(r.stdout).map((d) => d.toJS()).find((o) => o.kind === 'Ingress').spec.rules[0].host;
    };
    const hostFile = file('host.txt', 'file.example.com');
    expect(host(['--set-literal', 'controlPlane.ingress.host=literal.example.com', '--set-file', `controlPlane.ingress.host=${hostFile}`,
      '--set-string', 'controlPlane.ingress.host=string.example.com', '--set', 'controlPlane.ingress.host=set.example.com',
      '--set-json', 'controlPlane.ingress.host="json.example.com"', '-f', file('h.yaml', 'controlPlane:\n  ingress:\n    host: f.example.com\n')]))
      .toBe('literal.example.com');
    expect(host(['--set', 'controlPlane.ingress.host=set.example.com', '--set-json', 'controlPlane.ingress.host="json.example.com"'])).toBe(
      'set.example.com',
    );
    expect(host(['--set-json', 'controlPlane.ingress.host="json.example.com"', '-f', file('h2.yaml', 'controlPlane:\n  ingress:\n    host: ' +
      'f.example.com\n')])).toBe('json.example.com');
  });

  test('types --set values and keeps --set-string values text, as the chart\'s schema then sees them', () => {
    expect(run(['template', 'vc1', '--set', 'controlPlane.statefulSet.labels.build=123']))
      .toMatchObject({ code: 1, stderr: 'Error: release vc1: controlPlane.statefulSet.labels.build: expected string, got number 123.\n' });
    expect(run(['template', 'vc1', '--set-string', 'controlPlane.statefulSet.labels.build=123']).stdout).toContain('build: "123"');
  });

  test('renders --set values that break a rule beyond helm\'s, as helm renders them, with one warning each on stderr', () => {
    const r = run(['template', 'vc2', '--set', 'controlPlane.statefulSet.highAvailability.replicas=2', '--set', 'controlPlane.proxy.port=70000']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\n  replicas: 2\n');
    expect(r.stderr.split('\n').filter((l) => l !== '')).toEqual([
      'warning: controlPlane.proxy.port: expected a port from 1 to 65535, got 70000. Choose a port in that range.',
      expect.stringMatching(/^warning: controlPlane\.statefulSet\.highAvailability\.replicas: several control plane replicas need a backing store /),
    ]);
  });

  test('warns about a quota entry made dead by its twin and about objects the API server would refuse, and renders them', () => {
    const r = run(['template', 'vc1', '--set', 'policies.resourceQuota.enabled=true', '--set', 'policies.resourceQuota.quota.pods=50',
      '--set-string', 'controlPlane.statefulSet.labels.team=platform team']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('team: platform team');
    expect(r.stderr).toContain('warning: policies.resourceQuota.quota.pods: 50 has no effect: policies.resourceQuota.quota.count/pods limits ' +
      'the same, at 20 (the chart\'s default)');
    expect(r.stderr).toContain('warning: StatefulSet "vc1" metadata.labels["team"]: a label value must be text');
  });

  test('fails when --set values break a rule of the chart\'s, naming the release once and every problem', () => {
    const r = run(['template', 'vc2', '--set', 'controlPlane.proxy.port=x', '--set', 'controlPlane.statefulSet.labels.build=1']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/^Error: release vc2: controlPlane\.proxy\.port: expected integer, got string "x"\.; /);
    expect(r.stderr).toContain('; controlPlane.statefulSet.labels.build: expected string, got number 1.');
    expect(r.stderr.match(/release vc2/g)).toHaveLength(1);
  });

  test('reads --set-file and -f - from their files and standard input', () => {
    const manifest = file('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-file\n');
    expect(heads(run(['template', 'vc1', '--set-file', `experimental.deploy.host.manifests=${manifest}`]).stdout))
      .toContain('vcluster/templates/manifests.yaml ConfigMap/from-file');
    const stdin = run(['template', 'vc1', '-f', '-'], { readFile: (p) => (p === '/dev/stdin' ? Buffer.from(INGRESS) : readFileSync(p)) });
    expect(heads(stdin.stdout)).toContain('vcluster/templates/ingress.yaml Ingress/vc1');
  });

  test.each([
    ['a --set argument Helm cannot read', ['--set', 'controlPlane.ingress'], 'Error: --set controlPlane.ingress: key "ingress" has no value'],
    ['a reserved key', ['--set', 'controlPlane.__proto__.x=1'], 'Error: --set controlPlane.__proto__.x=1: controlPlane.__proto__: the key ' +
      '"__proto__" is refused'],
    ['a --set-file that cannot be read', ['--set-file', `a=${join(dir, 'none.txt')}`], 'none.txt: cannot read file of --set-file'],
    ['a values file given as a URL', ['-f', 'https://example.com/v.yaml'], 'cdk8s-vcluster reads no values file from a URL'],
  ])('refuses %s with one line on stderr and nothing on stdout', (_what, argv, message) => {
    const r = run(['template', 'vc1', ...argv]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('--show-only', () => {
  test('prints only the manifests of the templates given, pattern by pattern, as helm does', () => {
    const r = run(['template', 'vc1', '-s', 'templates/statefulset.yaml', '--show-only=templates/service*']);
    expect(r.code).toBe(0);
    expect(heads(r.stdout)).toEqual([
      'vcluster/templates/statefulset.yaml StatefulSet/vc1',
      'vcluster/templates/serviceaccount.yaml ServiceAccount/vc-vc1',
      'vcluster/templates/service.yaml Service/vc1',
    ]);
  });

  // helm v4.1.4 with the chart 0.36.1: this message alone on stderr, status 1.
  test('fails on a template that renders nothing with helm\'s message and status, and no usage hint', () => {
    expect(run(['template', 'vc1', '-s', 'templates/ingress.yaml']))
      .toEqual({ code: 1, stdout: '', stderr: 'Error: could not find template templates/ingress.yaml in chart\n' });
  });

  test.each([
    ['templates/*.yaml', 'templates/role.yaml', true],
    ['templates/*', 'templates/sub/role.yaml', false],
    ['templates/r?le.yaml', 'templates/role.yaml', true],
    ['templates/[a-r]ole.yaml', 'templates/role.yaml', true],
    ['templates/[^r]ole.yaml', 'templates/role.yaml', false],
    ['templates/\\*', 'templates/*', true],
    ['templates/[', 'templates/[', false],
  ])('matches %s against %s like Go\'s filepath.Match: %s', (pattern, name, expected) => {
    expect(goPathMatch(pattern, name)).toBe(expected);
  });
});

test('orders kinds helm does not know after all others, by kind (helm\'s lessByKind; observed with helm v4.1.4)', () => {
  const kinds = file('kinds.yaml', 'experimental:\n  deploy:\n    host:\n      manifests: |\n' +
    '        {apiVersion: example.com/v1, kind: Zeta, metadata: {name: z}}\n        ---\n        {apiVersion: example.com/v1, kind: Alpha, ' +
      'metadata: {name: a}}\n');
  expect(heads(run(['template', 'vc1', '-f', kinds]).stdout).slice(-3)).toEqual([
    'vcluster/templates/statefulset.yaml StatefulSet/vc1',
    'vcluster/templates/manifests.yaml Alpha/a',
    'vcluster/templates/manifests.yaml Zeta/z',
  ]);
});

describe('hooks: --no-hooks and --skip-tests (observed with helm v4.1.4)', () => {
  test('prints hooks after the other manifests, by kind, and leaves out those with an unknown event, saying so', () => {
    const r = run(['template', 'vc1', '-f', HOOKS]);
    const all = heads(r.stdout);
    expect(all.slice(-2)).toEqual(['vcluster/templates/manifests.yaml Pod/test-pod', 'vcluster/templates/manifests.yaml Job/pre']);
    expect(all).toContain('vcluster/templates/manifests.yaml ConfigMap/plain');
    expect(all.join()).not.toContain('weird');
    expect(r.stderr).toBe('warning: left out ConfigMap weird (helm.sh/hook: "not-an-event"): an unknown hook event, which helm skips too\n');
  });

  test('leaves out every hook with --no-hooks and the test hooks with --skip-tests', () => {
    expect(heads(run(['template', 'vc1', '-f', HOOKS, '--no-hooks']).stdout).join()).not.toMatch(/test-pod|Job\/pre/);
    const skipTests = heads(run(['template', 'vc1', '-f', HOOKS, '--skip-tests']).stdout);
    expect(skipTests.join()).not.toContain('test-pod');
    expect(skipTests).toContain('vcluster/templates/manifests.yaml Job/pre');
  });
});

describe('--output-dir', () => {
  test('writes helm\'s layout, one file per template, and prints helm\'s "wrote" lines', () => {
    const out = join(dir, 'out');
    const r = run(['template', 'vc1', '-f', HOOKS, '--output-dir', out]);
    expect(r.code).toBe(0);
    const templates = join(out, 'vcluster', 'templates');
    expect(readdirSync(templates).sort()).toEqual([
      'config-secret.yaml', 'headless-service.yaml', 'manifests.yaml', 'role.yaml', 'rolebinding.yaml', 'service.yaml', 'serviceaccount.yaml',
      'statefulset.yaml', 'workload-serviceaccount.yaml',
    ]);
    expect(heads(readFileSync(join(templates, 'manifests.yaml'), 'utf8'))).toEqual([
      'vcluster/templates/manifests.yaml ConfigMap/plain',
      'vcluster/templates/manifests.yaml Pod/test-pod',
      'vcluster/templates/manifests.yaml Job/pre',
    ]);
    expect(r.stdout).toMatch(new RegExp(`^wrote ${out}/vcluster/templates/serviceaccount\\.yaml\\n`));
    expect(r.stdout).toMatch(new RegExp(`wrote ${out}/vcluster/templates/manifests\\.yaml\\nwrote ` +
      `${out}/vcluster/templates/manifests\\.yaml\\n\\n$`));
  });

  test('writes into NAME/ with --release-name', () => {
    const out = join(dir, 'named');
    expect(run(['template', 'vc1', '--output-dir', out, '--release-name']).code).toBe(0);
    expect(existsSync(join(out, 'vc1', 'vcluster', 'templates', 'statefulset.yaml'))).toBe(true);
  });

  test('replaces the vcluster folder as a whole: no file of an earlier render stays', () => {
    const out = join(dir, 'again');
    run(['template', 'vc1', '-f', file('ingress2.yaml', INGRESS), '--output-dir', out]);
    expect(existsSync(join(out, 'vcluster', 'templates', 'ingress.yaml'))).toBe(true);
    writeFileSync(join(out, 'mine.txt'), 'kept');
    run(['template', 'vc1', '--output-dir', out]);
    expect(existsSync(join(out, 'vcluster', 'templates', 'ingress.yaml'))).toBe(false);
    expect(readFileSync(join(out, 'mine.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(out).sort()).toEqual(['mine.txt', 'vcluster']);
  });

  test('changes nothing when the values are refused or the folder cannot be written', () => {
    const out = join(dir, 'kept');
    run(['template', 'vc1', '--output-dir', out]);
    const before = readFileSync(join(out, 'vcluster', 'templates', 'statefulset.yaml'), 'utf8');
    const refused = run(['template', 'vc1', '--output-dir', out, '--set', 'controlPlane.statefulSet.labels.build=1']);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(readFileSync(join(out, 'vcluster', 'templates', 'statefulset.yaml'), 'utf8')).toBe(before);

    const blocked = join(dir, 'blocked');
    mkdirSync(blocked);
    writeFileSync(join(blocked, 'vc1'), 'a file where the folder would go');
    const r = run(['template', 'vc1', '--output-dir', blocked, '--release-name']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe(`Error: --output-dir ${blocked}: ${blocked}/vc1 is a file, not a folder: it is left alone, and nothing was changed. `
      + 'Move it away, or write elsewhere\n');
    expect(readdirSync(blocked)).toEqual(['vc1']);
  });

  test('leaves a file where the vcluster folder goes alone and refuses to write', () => {
    const out = join(dir, 'foreign');
    mkdirSync(out);
    writeFileSync(join(out, 'vcluster'), 'not ours');
    const r = run(['template', 'vc1', '--output-dir', out]);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toContain(`${out}/vcluster is a file, not a folder: it is left alone, and nothing was changed.`);
    expect(readFileSync(join(out, 'vcluster'), 'utf8')).toBe('not ours');
    expect(readdirSync(out)).toEqual(['vcluster']);
  });

  test('makes folders 0755 and files 0644, as helm does', () => {
    const out = join(dir, 'modes');
    const umask = process.umask(0o022);
    try {
      expect(run(['template', 'vc1', '--output-dir', out]).code).toBe(0);
    } finally {
      process.umask(umask);
    }
    const mode = (p: string) => statSync(p).mode & 0o777;
    expect([mode(join(out, 'vcluster')), mode(join(out, 'vcluster', 'templates'))]).toEqual([0o755, 0o755]);
    expect(mode(join(out, 'vcluster', 'templates', 'statefulset.yaml'))).toBe(0o644);
  });

  test('puts back the old output a crash left beside the folder between its two renames, then replaces it', () => {
    const out = join(dir, 'crashed');
    run(['template', 'vc1', '--output-dir', out]);
    // What a kill -9 between the renames leaves: the old folder stepped aside, the staging folder unrenamed.
    renameSync(join(out, 'vcluster'), join(out, '.vcluster-AbC123-previous'));
    mkdirSync(join(out, '.vcluster-AbC123'));
    const r = run(['template', 'vc1', '--output-dir', out, '--set', 'controlPlane.ingress.enabled=true']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`warning: put back ${out}/vcluster from ${out}/.vcluster-AbC123-previous, left by an interrupted run\n`);
    expect(readdirSync(out)).toEqual(['vcluster']);
    expect(existsSync(join(out, 'vcluster', 'templates', 'ingress.yaml'))).toBe(true);
  });

  test('refuses a folder that cannot be made at once, naming it (Node\'s own recursive mkdir never returns for /proc/x)', () => {
    const r = run(['template', 'vc1', '--output-dir', '/proc/x']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe('Error: --output-dir /proc/x: cannot create /proc/x (ENOENT); nothing was changed there\n');
  });

  test('keeps the old output and says nothing was changed when a write fails, e.g. on a full disk', () => {
    const out = join(dir, 'full');
    run(['template', 'vc1', '--output-dir', out]);
    const before = readFileSync(join(out, 'vcluster', 'templates', 'statefulset.yaml'), 'utf8');
    const full = jest.spyOn(fs, 'writeFileSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    let r: ReturnType<typeof run>;
    try {
      r = run(['template', 'vc1', '--output-dir', out, '--set', 'controlPlane.ingress.enabled=true']);
    } finally {
      full.mockRestore();
    }
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe(`Error: --output-dir ${out}: cannot write ${out}/vcluster (ENOSPC); nothing was changed there\n`);
    expect(readFileSync(join(out, 'vcluster', 'templates', 'statefulset.yaml'), 'utf8')).toBe(before);
    expect(readdirSync(out)).toEqual(['vcluster']);
  });

  test('reports the new output as written when only removing the old one fails', () => {
    const out = join(dir, 'stuck');
    run(['template', 'vc1', '--output-dir', out]);
    const rm = fs.rmSync;
    const stuck = jest.spyOn(fs, 'rmSync').mockImplementation((p, o) => {
      if (String(p).endsWith('-previous')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      rm(p, o);
    });
    let r: ReturnType<typeof run>;
    try {
      r = run(['template', 'vc1', '--output-dir', out, '--set', 'controlPlane.ingress.enabled=true']);
    } finally {
      stuck.mockRestore();
    }
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${out}/vcluster/templates/ingress.yaml\n`);
    expect(r.stderr).toMatch(new RegExp(`^warning: wrote ${out}/vcluster, but could not remove its previous content at ` +
      `${out}/\\.vcluster-\\w{6}-previous \\(EACCES\\): remove it\\n$`));
    expect(existsSync(join(out, 'vcluster', 'templates', 'ingress.yaml'))).toBe(true);
  });

  test('refuses --show-only with it (helm writes every template, then fails)', () => {
    expect(run(['template', 'vc1', '--output-dir', join(dir, 'x'), '-s', 'templates/role.yaml'])).toMatchObject({ code: 1, stdout: '' });
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});

describe('usage errors exit with status 1 as in helm, one message, a pointer to the help and nothing on stdout', () => {
  test.each([
    [['template'], 'template needs NAME and CHART'],
    [['template', 'a', 'vcluster/vcluster', 'c'], 'expected at most two arguments, NAME and CHART; unexpected: c'],
    [['template', '-g', 'vc1', 'vcluster/vcluster'], 'cannot set --generate-name and also specify a name'],
    [['template', 'vc1', 'bitnami/nginx'], 'CHART "bitnami/nginx" is not the vCluster chart'],
    [['template', 'vc1', '--version', '0.34.0'], 'chart version 0.34.0 is not supported: cdk8s-vcluster renders the vCluster chart 0.35.3, ' +
      '0.36.1, 0.37.0-rc.1'],
    [['template', 'vc1', '--dry-run=server'], '--dry-run=server is not supported'],
    [['template', 'vc1', '--post-renderer', 'kustomize'], '--post-renderer is not supported'],
    [['template', 'vc1', '--bogus'], 'unknown flag --bogus'],
  ])('%j: %s', (argv, message) => {
    const r = run(argv);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Error: ${message}`);
    expect(r.stderr).toMatch(/\nRun "cdk8s-vcluster template --help" for usage\.\n$/);
  });
});
