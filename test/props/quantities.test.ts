import * as cdk8s from 'cdk8s';
import * as plus31 from 'cdk8s-plus-31';
import * as plus33 from 'cdk8s-plus-33';
import { cpuQuantity, durationSeconds, resourcesValues, sizeQuantity } from '../../src/props/quantities';
import { ArgoCdApplication, VCluster } from '../../src';

/** A second copy of cdk8s, as an app that bundles its own gets: same API, other classes. */
function secondCdk8s(): typeof cdk8s {
  let copy: typeof cdk8s | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy needs a fresh module registry
    copy = require('cdk8s');
  });
  return copy!;
}

describe('value types from other package copies', () => {
  const other = secondCdk8s();

  test('the second copies really are other classes', () => {
    expect(other.Size).not.toBe(cdk8s.Size);
    expect(other.Size.gibibytes(1)).not.toBeInstanceOf(cdk8s.Size);
    expect(plus33.Cpu.units(1)).not.toBeInstanceOf(plus31.Cpu);
  });

  test('a Cpu from cdk8s-plus-33 counts as the one from cdk8s-plus-31', () => {
    expect(cpuQuantity('cpu', plus33.Cpu.millis(250))).toBe(cpuQuantity('cpu', plus31.Cpu.millis(250)));
    expect(cpuQuantity('cpu', plus33.Cpu.units(4))).toBe('4');
  });

  test("a Size from another copy of cdk8s keeps the unit it was given in", () => {
    expect(sizeQuantity('size', other.Size.gibibytes(5))).toBe('5Gi');
    expect(sizeQuantity('size', other.Size.mebibytes(1024))).toBe('1024Mi');
  });

  test('a Duration from another copy of cdk8s gives its seconds', () => {
    expect(durationSeconds('backoff', other.Duration.minutes(2))).toBe(120);
  });

  test('container resources mix copies freely', () => {
    expect(resourcesValues('resources', {
      cpu: { request: plus33.Cpu.millis(100), limit: plus31.Cpu.units(1) },
      memory: { request: other.Size.mebibytes(128), limit: cdk8s.Size.gibibytes(1) },
    })).toEqual({ requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '1Gi' } });
  });

  test('a virtual cluster built from other copies renders as one built from the library’s own', () => {
    const build = (cpu: { units(n: number): plus31.Cpu }, size: typeof cdk8s.Size) => {
      const vc = new VCluster(cdk8s.Testing.chart(), 'vc1', {
        controlPlane: { persistence: { size: size.gibibytes(5) } },
        policies: { resourceQuota: { quota: { cpu: cpu.units(4), memory: size.gibibytes(5) } } },
      });
      return vc.values;
    };
    expect(build(plus33.Cpu, other.Size)).toEqual(build(plus31.Cpu, cdk8s.Size));
  });

  test('an ArgoCD retry backoff from another copy of cdk8s is written in seconds', () => {
    const chart = cdk8s.Testing.chart();
    new ArgoCdApplication(chart, 'app', {
      source: { repoUrl: 'https://git.example.com/r.git' },
      path: 'dist/vc1',
      syncPolicy: { retryLimit: 2, retryBackoff: other.Duration.seconds(30) },
    });
    expect(cdk8s.Testing.synth(chart)[0].spec.syncPolicy.retry.backoff.duration).toBe('30s');
  });
});

describe('value types are recognised by their shape', () => {
  test('fails when a size is a string, naming the prop and the fix', () => {
    expect(() => sizeQuantity('controlPlane.persistence.size', '5Gi' as unknown as cdk8s.Size))
      .toThrow('controlPlane.persistence.size: expected a cdk8s Size, e.g. Size.gibibytes(5). Got "5Gi".');
  });

  test('fails when a CPU is a number, naming the prop and the fix', () => {
    expect(() => cpuQuantity('policies.resourceQuota.quota.cpu', 4 as unknown as plus31.Cpu))
      .toThrow('policies.resourceQuota.quota.cpu: expected a cdk8s-plus Cpu (from any cdk8s-plus-XX), e.g. Cpu.units(1) or Cpu.millis(100). Got 4.');
  });

  test('fails when a duration is a number of seconds', () => {
    expect(() => durationSeconds('syncPolicy.retryBackoff', 5 as unknown as cdk8s.Duration))
      .toThrow('syncPolicy.retryBackoff: expected a cdk8s Duration, e.g. Duration.seconds(5). Got 5.');
  });

  test('fails when a duration is not whole seconds', () => {
    expect(() => durationSeconds('syncPolicy.retryBackoff', cdk8s.Duration.millis(1500)))
      .toThrow('syncPolicy.retryBackoff: must be a positive whole number of seconds, e.g. Duration.seconds(5). Got "1500ms".');
  });
});
