#!/usr/bin/env node
'use strict';
// Where the time of one synth goes, in one process: wraps the pipeline's main functions (the
// built lib calls them through their module objects, so wrapping the exports catches every call)
// and cdk8s's Yaml.stringify, warms up on 20 tenants, then times N.
//
//   node bench/phases.js [N=300] [LAYOUT=app-per-tenant]
//
// Inclusive times: renderChart contains coalesceValues, validateValues, ... and the helm-yaml
// serializations. Not a replacement for run.js (same process, warmed up, no start-up).

const fs = require('fs');
const os = require('os');
const path = require('path');

const LIB = path.join(__dirname, '..', 'lib');
const times = {};
const missing = [];

function wrap(modPath, name) {
  const m = require(path.join(LIB, modPath));
  const f = m[name];
  if (typeof f !== 'function') {
    missing.push(`${modPath}:${name}`);
    return;
  }
  Object.defineProperty(m, name, {
    value: function (...args) {
      const t = performance.now();
      try {
        return f.apply(this, args);
      } finally {
        times[name] = (times[name] || 0) + performance.now() - t;
      }
    },
    writable: true,
    configurable: true,
    enumerable: true,
  });
}

wrap('src/pipeline', 'renderChart');
wrap('src/values/coalesce', 'coalesceValues');
wrap('src/values/schema', 'validateValues');
wrap('src/values/chart-validation', 'validateChartRules');
wrap('src/api-objects', 'toApiObject');
wrap('src/yaml/vcluster-config-yaml', 'configSecretData');
wrap('src/yaml/vcluster-config-yaml', 'vClusterConfigHash');

const { Yaml } = require('cdk8s');
const stringify = Yaml.stringify;
Yaml.stringify = function (...docs) {
  const t = performance.now();
  try {
    return stringify.apply(this, docs);
  } finally {
    times['cdk8s Yaml.stringify'] = (times['cdk8s Yaml.stringify'] || 0) + performance.now() - t;
  }
};

const { LAYOUTS } = require('./tenants');
const n = Number(process.argv[2] ?? 300);
const layout = process.argv[3] ?? 'app-per-tenant';
if (!LAYOUTS[layout]) throw new Error(`unknown layout ${layout}; layouts: ${Object.keys(LAYOUTS).join(', ')}`);

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-vcluster-phases-'));
try {
  const { build, synth } = LAYOUTS[layout];
  synth(build(path.join(outdir, 'warm-up'), 20));
  for (const k of Object.keys(times)) delete times[k];

  const t0 = performance.now();
  const built = build(path.join(outdir, 'out'), n);
  const t1 = performance.now();
  synth(built);
  const t2 = performance.now();
  console.log(
    `N=${n} ${layout}: construct ${(t1 - t0).toFixed(0)} ms, synth ${(t2 - t1).toFixed(0)} ms; ${((t2 - t0) / n).toFixed(2)} ms per virtual cluster`,
  );
  for (const [k, v] of Object.entries(times).sort((a, b) => b[1] - a[1])) {
    console.log(`  ${k.padEnd(22)} ${v.toFixed(0).padStart(6)} ms  ${(v / n).toFixed(3)} ms/VC`);
  }
  if (missing.length > 0) console.log(`  (not found, not timed: ${missing.join(', ')})`);
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}
