#!/usr/bin/env node
'use strict';
// Top functions (and files) by self time in a V8 .cpuprofile, as written by `node --cpu-prof`.
//
//   node bench/profile-summary.js bench/results/profiles/n1000.cpuprofile [TOP]

const path = require('path');

/** Self time per function (file:line:function) and per file, in ms and % of the profile. */
function summarizeProfile(profile, root = process.cwd()) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const { samples, timeDeltas } = profile;
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; attribute the time up to the next sample to it.
    const dt = (timeDeltas[i + 1] ?? 0) / 1000;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + dt);
    total += dt;
  }
  const fns = new Map();
  const files = new Map();
  const packages = new Map();
  for (const [id, ms] of self) {
    const { callFrame: cf } = byId.get(id);
    const file = displayFile(cf.url, root);
    const fn = `${file}${cf.url ? `:${cf.lineNumber + 1}` : ''}:${cf.functionName || '(anonymous)'}`;
    fns.set(fn, (fns.get(fn) ?? 0) + ms);
    files.set(file, (files.get(file) ?? 0) + ms);
    const pkg = packageOf(file, cf.functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
  }
  const rank = (m) =>
    [...m]
      .map(([name, ms]) => ({ name, selfMs: Math.round(ms * 10) / 10, selfPct: Math.round((1000 * ms) / total) / 10 }))
      .sort((a, b) => b.selfMs - a.selfMs);
  // Total (inclusive) time of this project's functions: each sample counts once for every
  // distinct function on its stack.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map();
  for (let i = 0; i < samples.length; i++) {
    const dt = (timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set();
    for (let id = samples[i]; id !== undefined; id = parent.get(id)) {
      const { callFrame: cf } = byId.get(id);
      const file = displayFile(cf.url, root);
      if (!file.startsWith('lib/')) continue;
      const fn = `${file}:${cf.lineNumber + 1}:${cf.functionName || '(anonymous)'}`;
      if (seen.has(fn)) continue;
      seen.add(fn);
      inclusive.set(fn, (inclusive.get(fn) ?? 0) + dt);
    }
  }
  return { totalMs: Math.round(total), functions: rank(fns), files: rank(files), packages: rank(packages), projectInclusive: rank(inclusive) };
}

/** Who owns the code: this project, an npm package (by its innermost node_modules), Node, V8. */
function packageOf(file, functionName) {
  if (file === '(native)') return functionName === '(garbage collector)' ? 'V8 garbage collector' : `native ${functionName}`;
  if (file.startsWith('node:')) return 'Node.js internals';
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const [a, b] = file.slice(nm + 'node_modules/'.length).split('/');
    const name = a.startsWith('@') ? `${a}/${b}` : a;
    return file.slice(0, nm).includes('node_modules/')
      ? `${name} (${file.slice(0, nm).split('node_modules/').filter(Boolean).pop().replace(/\/$/, '')}'s)`
      : name;
  }
  if (file.startsWith('lib/')) return 'cdk8s-vcluster (lib/)';
  return file;
}

function displayFile(url, root) {
  if (!url) return '(native)';
  let p = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url;
  if (p.startsWith(root)) p = path.relative(root, p);
  return p;
}

function formatSummary(summary, top = 25) {
  const lines = [`  total ${summary.totalMs} ms sampled`];
  for (const f of summary.functions.slice(0, top))
    lines.push(`  ${f.selfPct.toFixed(1).padStart(5)}%  ${f.selfMs.toFixed(0).padStart(6)} ms  ${f.name}`);
  lines.push('  by package:');
  for (const f of summary.packages.slice(0, 10))
    lines.push(`  ${f.selfPct.toFixed(1).padStart(5)}%  ${f.selfMs.toFixed(0).padStart(6)} ms  ${f.name}`);
  lines.push('  by file:');
  for (const f of summary.files.slice(0, 12)) lines.push(`  ${f.selfPct.toFixed(1).padStart(5)}%  ${f.selfMs.toFixed(0).padStart(6)} ms  ${f.name}`);
  lines.push('  cdk8s-vcluster functions by total (inclusive) time:');
  for (const f of summary.projectInclusive.slice(0, top)) lines.push(`  ${f.selfPct.toFixed(1).padStart(5)}%  ` +
    `${f.selfMs.toFixed(0).padStart(6)} ms  ${f.name}`);
  return lines.join('\n');
}

module.exports = { summarizeProfile, formatSummary };

if (require.main === module) {
  const fs = require('fs');
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node bench/profile-summary.js FILE.cpuprofile [TOP]');
    process.exit(2);
  }
  console.log(formatSummary(summarizeProfile(JSON.parse(fs.readFileSync(file, 'utf8'))), Number(process.argv[3] ?? 25)));
}
