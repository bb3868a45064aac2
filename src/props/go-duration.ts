import type { Duration } from 'cdk8s';
import { durationSeconds } from './quantities';

/**
 * A Duration as Go's time.ParseDuration reads it, in whole hours, minutes and seconds: "30s",
 * "10m", "720h", "1h30m" (the form Karpenter's and vCluster's docs write).
 */
export function goDuration(prop: string, duration: Duration): string {
  const s = durationSeconds(prop, duration);
  const parts: Array<[number, string]> = [[Math.floor(s / 3600), 'h'], [Math.floor((s % 3600) / 60), 'm'], [s % 60, 's']];
  return parts.filter(([n]) => n > 0).map(([n, unit]) => `${n}${unit}`).join('');
}
