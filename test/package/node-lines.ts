import { minVersion, Range } from 'semver';

/** A Node.js release line a range of `engines.node` accepts, and its lowest accepted version. */
export interface NodeLine {
  readonly major: string;
  readonly lowest: string;
}

/** The lines of an `engines.node` range (one per `||` alternative), lowest first. */
export function nodeLines(range: string): NodeLine[] {
  return new Range(range).set.map((comparators) => {
    const lowest = minVersion(comparators.map((c) => c.value).join(' '))!;
    return { major: String(lowest.major), lowest: lowest.version };
  }).sort((a, b) => Number(a.major) - Number(b.major));
}
