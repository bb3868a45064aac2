import { diagnostic } from '../values/diagnostic';
import { Diagnostic, formatPath } from '../values/errors';
import { compareQuantities, formatQuantity, parseQuantity } from '../values/quantity';
import { isMap, valueAt, ValueMap } from '../values/value-map';

/** Quota keys that limit the same thing: Kubernetes enforces both, so the looser one has no effect. */
const SAME_LIMIT: ReadonlyArray<readonly [string, string]> = [
  ['pods', 'count/pods'], ['services', 'count/services'], ['persistentvolumeclaims', 'count/persistentvolumeclaims'],
  ['cpu', 'requests.cpu'], ['memory', 'requests.memory'],
];

const QUOTA = ['policies', 'resourceQuota', 'quota'];

/**
 * Quota entries the user gave that a stricter entry for the same thing makes dead, e.g. `pods: 50`
 * under the chart's `count/pods: 20`: the namespace would still stop at 20 pods, and only the quota
 * budget would show it. `values` are the full values of a release whose quota the chart renders,
 * `user` the values given (typed props' and raw alike), so that only what the user wrote is blamed.
 */
export function deadQuotaEntryDiagnostics(values: ValueMap, user: ValueMap): Diagnostic[] {
  const quota = valueAt(values, QUOTA);
  if (!isMap(quota)) return [];
  const found: Diagnostic[] = [];
  for (const pair of SAME_LIMIT) {
    for (const [mine, other] of [pair, [pair[1], pair[0]]]) {
      const given = parseQuantity(quota[mine]);
      const stricter = parseQuantity(quota[other]);
      if (valueAt(user, [...QUOTA, mine]) === undefined || given === undefined || stricter === undefined) continue;
      if (compareQuantities(given, stricter) <= 0) continue;
      const twin = formatPath([...QUOTA, other]);
      const source = valueAt(user, [...QUOTA, other]) === undefined ? " (the chart's default)" : '';
      found.push(diagnostic({
        path: [...QUOTA, mine],
        value: quota[mine],
        mentions: [twin],
        message: `${formatQuantity(given)} has no effect: ${twin} limits the same, at ${formatQuantity(stricter)}${source}, and Kubernetes ` +
          'enforces the stricter of the two.',
        fix: `To allow ${formatQuantity(given)}, set ${twin} to the same too; else give at most ${formatQuantity(stricter)}.`,
      }));
    }
  }
  return found;
}
