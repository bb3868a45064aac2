import { spawn, spawnSync } from 'child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { buildCli } from './built-cli';
import { tempFiles } from './cli-helper';

/**
 * The command line as a process, for what only a process shows: how it ends when stdout's reader
 * goes away or stdout's device is full. helm (v4.1.4, a Go program) is killed by SIGPIPE
 * without a word in the first case (a shell shows status 141).
 */
const linux = process.platform === 'linux';
(linux ? describe : describe.skip)('cdk8s-vcluster as a process', () => {
  jest.setTimeout(120_000);
  let cli: ReturnType<typeof buildCli>;
  const { file } = tempFiles('cdk8s-vcluster-process-');
  // Output far larger than a pipe's buffer (64 KiB): the annotation (within the API server's 256 KiB) is in the StatefulSet and the config Secret.
  const big = file('big.yaml', `controlPlane:\n  statefulSet:\n    annotations:\n      big: ${'x'.repeat(200_000)}\n`);

  beforeAll(() => {
    cli = buildCli();
  });

  test('renders as it does in-process', () => {
    const r = spawnSync(process.execPath, [cli.main, 'template', 'vc1', '-n', 'vc1'], { env: cli.env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^---\n# Source: vcluster\/templates\/serviceaccount\.yaml\n/);
  });

  test('ends quietly, killed by SIGPIPE as helm is, when stdout is closed before it writes', async () => {
    const child = spawn(process.execPath, [cli.main, 'template', 'vc1', '-f', big], { env: cli.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const [code, signal] = await new Promise<[number | null, string | null]>((done) => child.on('close', (c, s) => done([c, s])));
    expect({ code, signal, stderr }).toEqual({ code: null, signal: 'SIGPIPE', stderr: '' });
  });

  test('ends quietly with status 141 in `| head -c 10` under pipefail, as helm does', () => {
    const errors = file('head.err', '');
    const script = `set -o pipefail; "${process.execPath}" "${cli.main}" template vc1 -f "${big}" 2>"${errors}" | head -c 10; echo " status=$?"`;
    const r = spawnSync('bash', ['-c', script], { env: cli.env, encoding: 'utf8' });
    expect(r.stdout).toBe('---\n# Sour status=141\n');
    expect(readFileSync(errors, 'utf8')).toBe('');
  });

  test('exits with status 1 and one line on stderr when stdout is a full device (/dev/full)', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [cli.main, 'template', 'vc1'], { env: cli.env, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe('Error: cannot write to standard output (ENOSPC); the output is incomplete\n');
    } finally {
      closeSync(full);
    }
  });

  test('writes nothing to stdout when the values are refused', () => {
    const bad = join(tempFiles('cdk8s-vcluster-bad-').dir, 'bad.yaml');
    writeFileSync(bad, '__proto__: {}\n');
    const r = spawnSync(process.execPath, [cli.main, 'template', 'vc1', '-f', bad], { env: cli.env, encoding: 'utf8' });
    expect(r).toMatchObject({ status: 1, stdout: '' });
    expect(r.stderr).toMatch(/^Error: .*bad\.yaml: __proto__: the key "__proto__" is refused.*\n$/);
  });
});
