import { Chart } from 'cdk8s';
import { FleetApp, VCluster } from '../src';
const guard = require('../src/secrets/output-guard');
const orig = guard.guardOutput;
let spent = 0;
guard.guardOutput = (...a: unknown[]) => { const t = process.hrtime.bigint(); try { return orig(...a); } finally { spent += Number(process.hrtime.bigint() - t) / 1e6; } };
for (const round of [1, 2]) {
  spent = 0;
  const app = new FleetApp({ outdir: '/tmp/fleet-out' });
  for (let i = 0; i < 200; i++) {
    const chart = new Chart(app, `c${i}`);
    new VCluster(chart, `vc${i}`, { namespace: `vc${i}`, values: { controlPlane: { ingress: { enabled: true, host: `vc${i}.example.com` } } } });
  }
  const t0 = Date.now();
  app.synthYaml();
  console.log('round', round, 'synth ms', Date.now() - t0, 'guard ms', Math.round(spent));
}
