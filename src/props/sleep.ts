import type { Duration } from 'cdk8s';
import type { VClusterValues } from '../../imports/chart-versions';
import { goDuration } from './go-duration';
import { checkNonEmpty, fail } from './validation';

/**
 * Sleep mode (vcluster.yaml `sleep.auto`): the virtual cluster's workloads are scaled down after
 * a time without activity, or on a schedule, and woken up by the next request or on a schedule.
 * The chart renders nothing for it: vCluster reads it from its config.
 */
export interface SleepOptions {
  /**
   * How long the virtual cluster may be idle before its workloads go to sleep, in whole seconds
   * (written as a Go duration, e.g. "1h", which is what vCluster reads).
   * @default - no sleep after inactivity
   */
  readonly afterInactivity?: Duration;

  /**
   * A cron schedule on which the workloads go to sleep, e.g. "30 17 * * 5" (Fridays at 17:30).
   * @default - none
   */
  readonly schedule?: string;

  /**
   * A cron schedule on which the workloads wake up, e.g. "0 7 * * 1" (`sleep.auto.wakeup.schedule`).
   * @default - none: they wake up with the next request
   */
  readonly wakeupSchedule?: string;

  /**
   * The time zone of the schedules: an IANA time zone name, e.g. "America/Denver".
   * @default - UTC (vCluster's)
   */
  readonly timezone?: string;

  /**
   * Workloads with all these labels never go to sleep (`sleep.auto.exclude.selector.labels`).
   * @default - none excluded
   */
  readonly excludeLabels?: { readonly [key: string]: string };
}

/** Five fields (minute hour day month weekday) or a descriptor such as "@daily". */
const CRON = /^(@\w+|\S+(\s+\S+){4})$/;

function checkSchedule(prop: string, schedule: string | undefined): void {
  if (schedule !== undefined && (typeof schedule !== 'string' || !CRON.test(schedule.trim()))) {
    fail(prop, schedule, 'must be a cron schedule of five fields (minute hour day month weekday), e.g. "0 7 * * 1".');
  }
}

/** An IANA time zone name as Node knows them (its ICU data), which is what Go's time.LoadLocation reads. */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return !/^[+-]/.test(zone);
  } catch {
    return false;
  }
}

/** The `sleep` section. */
export function sleepSection(sleep: SleepOptions): VClusterValues['sleep'] {
  if (sleep.afterInactivity === undefined && sleep.schedule === undefined) {
    fail('sleep', sleep, 'the virtual cluster would never sleep: give afterInactivity, schedule or both.');
  }
  checkSchedule('sleep.schedule', sleep.schedule);
  checkSchedule('sleep.wakeupSchedule', sleep.wakeupSchedule);
  if (sleep.timezone !== undefined) {
    checkNonEmpty('sleep.timezone', sleep.timezone, 'give an IANA time zone name such as "America/Denver", or leave it out for UTC.');
    if (!isTimeZone(sleep.timezone)) fail('sleep.timezone', sleep.timezone, 'must be an IANA time zone name such as "America/Denver".');
  }
  if (sleep.timezone !== undefined && sleep.schedule === undefined && sleep.wakeupSchedule === undefined) {
    fail('sleep.timezone', sleep.timezone, 'is the time zone of the schedules; give schedule or wakeupSchedule, or leave it out.');
  }
  return {
    auto: {
      afterInactivity: sleep.afterInactivity === undefined ? undefined : goDuration('sleep.afterInactivity', sleep.afterInactivity),
      schedule: sleep.schedule,
      timezone: sleep.timezone,
      wakeup: sleep.wakeupSchedule === undefined ? undefined : { schedule: sleep.wakeupSchedule },
      exclude: sleep.excludeLabels === undefined ? undefined : { selector: { labels: { ...sleep.excludeLabels } } },
    },
  };
}
