import { Duration } from 'cdk8s';
import { synthVCluster } from '../typed-helper';
import { expectTypedImport } from '../import/import-helper';

describe('the deletion prop', () => {
  test('prevents deletion, or deletes after inactivity written as a Go duration', () => {
    expect(synthVCluster({ deletion: { prevent: true } }).vc.values.deletion).toEqual({ prevent: true });
    expect(synthVCluster({ deletion: { afterInactivity: Duration.days(30) } }).vc.values.deletion).toEqual({ auto: { afterInactivity: '720h' } });
  });

  test('fails when afterInactivity is not a positive whole number of seconds', () => {
    expect(() => synthVCluster({ deletion: { afterInactivity: Duration.millis(0) } })).toThrow(
      'deletion.afterInactivity: must be a positive whole number of seconds, e.g. Duration.seconds(5). Got "0ms".',
    );
  });

  test('imports the docs\' deletion settings as typed props that render what the chart renders', () => {
    for (const [yaml, snippet] of [
      ['deletion:\n  prevent: true\n', 'deletion: { prevent: true }'],
      ['deletion:\n  auto:\n    afterInactivity: 1m\n', 'deletion: { afterInactivity: Duration.minutes(1) }'],
    ] as const) {
      expectTypedImport(yaml, snippet);
    }
  });
});
