import { Duration } from 'cdk8s';
import { vc1, expectTypedImport } from '../import/import-helper';
import { synthVCluster } from '../typed-helper';

describe('the sleep prop', () => {
  test('afterInactivity is written as the Go duration vCluster reads, the excluded labels as its selector', () => {
    const { vc } = synthVCluster({ sleep: { afterInactivity: Duration.hours(3), excludeLabels: { dont: 'sleep' } } });
    expect(vc.values.sleep).toEqual({ auto: { afterInactivity: '3h', exclude: { selector: { labels: { dont: 'sleep' } } } } });
    expect(synthVCluster({ sleep: { afterInactivity: Duration.seconds(90) } }).vc.values.sleep.auto.afterInactivity).toBe('1m30s');
  });

  test('schedules to sleep and to wake up, in a time zone', () => {
    const { vc } = synthVCluster({ sleep: { schedule: '30 17 * * 5', wakeupSchedule: '0 7 * * 1', timezone: 'America/Denver' } });
    expect(vc.values.sleep).toEqual({ auto: { schedule: '30 17 * * 5', timezone: 'America/Denver', wakeup: { schedule: '0 7 * * 1' } } });
  });

  test('renders nothing of its own: only the config Secret differs', () => {
    const plain = synthVCluster().manifests;
    const asleep = synthVCluster({ sleep: { afterInactivity: Duration.minutes(30) } }).manifests;
    const names = (ms: any[]) => ms.map((m) => `${m.kind}/${m.metadata.name}`);
    expect(names(asleep)).toEqual(names(plain));
    const differing = asleep.filter((m, i) => JSON.stringify(m) !== JSON.stringify(plain[i])).map((m) => `${m.kind}/${m.metadata.name}`);
    expect(differing).toContain('Secret/vc-config-vc1');
  });

  test('fails when it gives neither afterInactivity nor schedule, so that the virtual cluster would never sleep', () => {
    expect(() => synthVCluster({ sleep: { excludeLabels: { a: 'b' } } })).toThrow(
      'sleep: the virtual cluster would never sleep: give afterInactivity, schedule or both. Got ',
    );
  });

  test('fails when afterInactivity is not whole seconds', () => {
    expect(() => synthVCluster({ sleep: { afterInactivity: Duration.millis(1500) } })).toThrow(
      'sleep.afterInactivity: must be a positive whole number of seconds, e.g. Duration.seconds(5). Got "1500ms".',
    );
  });

  test('fails when a schedule is not a cron schedule', () => {
    expect(() => synthVCluster({ sleep: { schedule: 'every friday' } })).toThrow(
      'sleep.schedule: must be a cron schedule of five fields (minute hour day month weekday), e.g. "0 7 * * 1". Got "every friday".',
    );
    expect(() => synthVCluster({ sleep: { afterInactivity: Duration.hours(1), wakeupSchedule: '0 7 * *' } })).toThrow(
      'sleep.wakeupSchedule: must be a cron schedule of five fields',
    );
  });

  test('fails when the time zone is not an IANA time zone name, or there is no schedule for it', () => {
    expect(() => synthVCluster({ sleep: { schedule: '0 3 * * *', timezone: 'Mountain Time' } })).toThrow(
      'sleep.timezone: must be an IANA time zone name such as "America/Denver". Got "Mountain Time".',
    );
    expect(() => synthVCluster({ sleep: { afterInactivity: Duration.hours(1), timezone: 'Europe/Berlin' } })).toThrow(
      'sleep.timezone: is the time zone of the schedules; give schedule or wakeupSchedule, or leave it out. Got "Europe/Berlin".',
    );
  });

  test('imports the docs\' sleep settings as typed props that render what the chart renders', () => {
    for (const [yaml, snippet] of [
      ['sleep:\n  auto:\n    afterInactivity: 3h\n    exclude:\n      selector:\n        labels:\n          dont: sleep\n',
        "sleep: { afterInactivity: Duration.hours(3), excludeLabels: { dont: 'sleep' } }"],
      ['sleep:\n  auto:\n    timezone: America/Denver\n    schedule: 30 17 * * 5\n    wakeup:\n      schedule: 0 7 * * 1\n',
        "sleep: { schedule: '30 17 * * 5', wakeupSchedule: '0 7 * * 1', timezone: 'America/Denver' }"],
      ['sleep:\n  auto:\n    afterInactivity: 30s\n', 'sleep: { afterInactivity: Duration.seconds(30) }'],
    ] as const) {
      expectTypedImport(yaml, snippet);
    }
  });

  test('keeps a duration vCluster reads but the prop would write otherwise ("90m") as raw values', () => {
    const result = vc1('sleep:\n  auto:\n    afterInactivity: 90m\n');
    expect(result.raw).toEqual({ sleep: { auto: { afterInactivity: '90m' } } });
  });
});
