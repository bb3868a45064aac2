import { Duration } from 'cdk8s';
import { renderTemplate } from '../../src/cli/template';
import { compareManifests } from '../conformance/compare';
import { vc1 } from '../import/import-helper';
import { runProgram } from '../import/program-runner';
import { synthVCluster } from '../typed-helper';

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
      const result = vc1(yaml);
      expect(result.raw).toEqual({});
      expect(result.program).toContain(snippet);
      const { options } = result;
      const expected = renderTemplate({ name: options.name, namespace: options.namespace, values: options.values });
      expect(compareManifests(expected, runProgram(result.program), true)).toEqual([]);
    }
  });
});
