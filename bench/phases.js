// In-process phase timing: wraps module exports of the built lib (calls go through module objects).
const path = require('path');
const LIB = path.join(__dirname, '..', 'lib');
const { performance } = require('perf_hooks');
const times = {};
function wrap(modPath, name, label = name) {
  const m = require(path.join(LIB, modPath));
  const f = m[name];
  Object.defineProperty(m, name, { value: function (...a) { const t = performance.now(); try { return f.apply(this, a); } finally { times[label] = (times[label] || 0) + performance.now() - t; } }, writable: true, configurable: true, enumerable: true });
}
wrap('src/pipeline', 'renderChart');
wrap('src/values/coalesce', 'coalesceValues');
wrap('src/values/coalesce', 'mergeValueFiles');
wrap('src/values/schema', 'validateValues');
wrap('src/values/chart-validation', 'validateChartRules');
wrap('src/api-objects', 'toApiObject');
wrap('src/values/helm-yaml', 'configSecretData');
wrap('src/values/helm-yaml', 'vClusterConfigHash');
const { App } = require('cdk8s');
const yamlMod = require('cdk8s/lib/yaml');
const origStr = yamlMod.Yaml.stringify;
yamlMod.Yaml.stringify = function (...d) { const t = performance.now(); try { return origStr.apply(this, d); } finally { times['Yaml.stringify'] = (times['Yaml.stringify'] || 0) + performance.now() - t; } };
const ApiObject = require('cdk8s').ApiObject;
const { LAYOUTS } = require('./tenants');
const N = +process.argv[2] || 200;
const layout = process.argv[3] || 'one-chart';
const os = require('os'), fs = require('fs');
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'micro'));
// warm-up
{ const a = new App({ outdir }); LAYOUTS[layout](a, 20); a.synth(); }
for (const k of Object.keys(times)) delete times[k];
const t0 = performance.now();
const app = new App({ outdir });
LAYOUTS[layout](app, N);
const t1 = performance.now();
app.synth();
const t2 = performance.now();
console.log(`N=${N} ${layout}: construct ${(t1 - t0).toFixed(0)} ms, synth ${(t2 - t1).toFixed(0)} ms; per VC ${(((t2 - t0)) / N).toFixed(2)} ms`);
for (const [k, v] of Object.entries(times).sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(22)} ${v.toFixed(0).padStart(6)} ms  ${(v / N).toFixed(3)} ms/VC`);
fs.rmSync(outdir, { recursive: true });
