/**
 * Build step (`npm run build`, after tsc): the command line as package.json's `bin` runs it, in
 * lib/bin/. A cold `template` then reads two files instead of resolving and loading some 200
 * modules, which took most of its time.
 *
 * - cli.js: src/cli/main.ts bundled by esbuild with cdk8s, constructs and yaml, so the command
 *   renders with the versions it was built and tested with, whatever the app around it has;
 *   cdk8s's own copy of yaml is replaced by the project's when the versions are equal (one
 *   copy); cdk8s-plus-31 stays outside (a dependency, required from node_modules): only typed
 *   props and the importer load it, `template` never does. Reproducible: the same sources and
 *   lockfile give the same bytes (no timestamps, no absolute paths).
 * - cdk8s-vcluster.js: the `bin`, which runs cli.js with cli.cache;
 * - cli.cache: V8's code cache of cli.js after a sample `template` run, made here with the Node
 *   that builds. Compiling the bundle is about a fifth of a cold `template`; a Node that did not
 *   make the cache (another version, other V8 flags) rejects it and compiles as usual.
 *
 * `ts-node --transpile-only tools/bundle-cli.ts [DIR] [--readable]`; --readable leaves cli.js
 * unminified, with a `// path` line before each module, for reading CPU profiles.
 */
import { buildSync, Metafile } from 'esbuild';
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, resolve } from 'path';

const ROOT = resolve(__dirname, '..');
export const CLI_DIR = join(ROOT, 'lib', 'bin');

/** Packages required at run time rather than bundled. */
const EXTERNAL = ['cdk8s-plus-31'];

/** Writes DIR/cli.js and DIR/cdk8s-vcluster.js; returns the bundled packages as "name@version (license)". */
export function bundleCli(dir: string = CLI_DIR, readable = false): string[] {
  const result = buildSync({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli/main.ts'],
    outfile: join(dir, 'cli.js'),
    bundle: true,
    platform: 'node',
    target: 'node20.16',
    format: 'cjs',
    external: EXTERNAL,
    alias: sharedYaml(),
    // Whitespace and syntax only: names stay, as in the stack traces and messages users see.
    minifyWhitespace: !readable,
    minifySyntax: !readable,
    legalComments: 'eof',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const packages = bundledPackages(result.metafile);
  // The bin runs it inside a function, where a hashbang line would not parse.
  const code = result.outputFiles[0].text.replace(/^#!.*\n/, '');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'cli.js'), `// cdk8s-vcluster's command line, bundled from src/cli/main.ts by tools/bundle-cli.ts.\n// Bundled ` +
    `packages: ${packages.join(', ')}.\n${code}`);
  writeFileSync(join(dir, 'cdk8s-vcluster.js'), BIN, { mode: 0o755 });
  return packages;
}

/**
 * The `bin`. It runs cli.js as Node runs a CommonJS main module (cli.js starts the command when
 * it is `require.main`), compiled with the code cache when there is one.
 */
const BIN = `#!/usr/bin/env node
'use strict';
// cdk8s-vcluster's command line: runs cli.js (bundled by tools/bundle-cli.ts) with V8's code
// cache cli.cache, made by the build; a Node that did not make it rejects it and compiles cli.js.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { createRequire } = require('module');

const file = path.join(__dirname, 'cli.js');
const cacheFile = path.join(__dirname, 'cli.cache');
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const wrapped = \`(function (exports, require, module, __filename, __dirname) {\${fs.readFileSync(file, 'utf8')}\\n})\`;
const script = new vm.Script(wrapped, { filename: file, cachedData });
const cli = { exports: {} };
const cliRequire = createRequire(file);
cliRequire.main = cli;
if (process.env.CDK8S_VCLUSTER_WRITE_CODE_CACHE === '1') {
  process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
}
script.runInThisContext().call(cli.exports, cli.exports, cliRequire, cli, file, __dirname);
`;

/** Values for the run that makes the code cache: the tutorial's, which reach most templates. */
export const SAMPLE_VALUES = `controlPlane:
  distro: { k8s: { enabled: true, image: { tag: v1.32.1 } } }
  backingStore: { etcd: { deploy: { enabled: true, statefulSet: { persistence: { volumeClaim: { enabled: true, size: 5Gi } } } } } }
  statefulSet:
    persistence: { volumeClaim: { size: 5Gi } }
    security: { podSecurityContext: { fsGroup: 12345 }, containerSecurityContext: { runAsUser: 12345, runAsGroup: 12345, runAsNonRoot: true } }
  ingress: { enabled: true, host: vc1.example.com }
  proxy: { extraSANs: [vc1.example.com] }
exportKubeConfig: { context: vc1, server: https://vc1.example.com }
integrations: { metricsServer: { enabled: true, nodes: true, pods: true } }
policies:
  resourceQuota: { enabled: true, quota: { cpu: "4", memory: 5Gi, pods: "15" } }
  limitRange: { enabled: true, default: { memory: 512Mi, cpu: "1" }, defaultRequest: { memory: 128Mi, cpu: 100m } }
sync: { toHost: { ingresses: { enabled: true } }, fromHost: { storageClasses: { enabled: true }, ingressClasses: { enabled: true } } }
`;

/** Makes DIR/cli.cache: runs the bin once on the sample values with this Node, as users run it. */
export function writeCodeCache(dir: string = CLI_DIR): void {
  const tmp = mkdtempSync(join(tmpdir(), 'cdk8s-vcluster-cache-'));
  try {
    const values = join(tmp, 'values.yaml');
    writeFileSync(values, SAMPLE_VALUES);
    rmSync(join(dir, 'cli.cache'), { force: true });
    execFileSync(process.execPath, [join(dir, 'cdk8s-vcluster.js'), 'template', 'vc1', '-n', 'vc1', '-f', values], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_OPTIONS: '', CDK8S_VCLUSTER_WRITE_CODE_CACHE: '1' },
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * `{ yaml: <the project's yaml> }` when cdk8s bundles the same yaml version as the project
 * uses; an alias resolves from the working directory, so cdk8s's import then gets the
 * project's copy. A different version stays cdk8s's own (two copies, same output as cdk8s).
 */
function sharedYaml(): Record<string, string> {
  const version = (pkgJson: string) => JSON.parse(readFileSync(pkgJson, 'utf8')).version;
  const ours = version(require.resolve('yaml/package.json', { paths: [ROOT] }));
  const cdk8sDir = dirname(require.resolve('cdk8s/package.json', { paths: [ROOT] }));
  const theirs = version(require.resolve('yaml/package.json', { paths: [cdk8sDir] }));
  if (ours === theirs) return { yaml: 'yaml' };
  console.warn(`bundle-cli: cdk8s bundles yaml ${theirs}, the project uses ${ours}: the CLI bundle holds both.`);
  return {};
}

/** The packages whose files went into the bundle, from esbuild's metafile. */
function bundledPackages(metafile: Metafile): string[] {
  const dirs = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) dirs.add(m[1]);
  }
  return [...dirs].map((dir) => {
    const pkg = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8'));
    return `${pkg.name}@${pkg.version} (${pkg.license})`;
  }).sort();
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const given = args.find((a) => !a.startsWith('--'));
  const dir = given ? resolve(given) : CLI_DIR;
  bundleCli(dir, args.includes('--readable'));
  writeCodeCache(dir);
}
