// The two functions alone: semver's index loads its forty modules, a tenth of the library's start.
import gte from 'semver/functions/gte';
import prerelease from 'semver/functions/prerelease';
import { CHART_DATA, CHART_VERSIONS, ChartData, ChartVersion, DEFAULT_CHART_VERSION } from '../../imports/chart-versions';

export { CHART_VERSIONS, DEFAULT_CHART_VERSION };
export type { ChartVersion };

/** Whether a string names a chart version the library renders. */
export function isChartVersion(v: string): v is ChartVersion {
  return (CHART_VERSIONS as readonly string[]).includes(v);
}

/** The version's defaults and schema. */
export function chartData(version: ChartVersion): ChartData {
  return CHART_DATA[version];
}

/**
 * Whether the chart at `version` has what a release introduced: the one test behind every version
 * gate. `since` is the first release with it; its pre-releases count (0.37.0-rc.1 has what 0.37.0 has).
 */
export function chartHas(version: string, since: string): boolean {
  // Asked at every template of every render, for a handful of (version, since) pairs.
  const key = `${version} ${since}`;
  let has = gates.get(key);
  if (has === undefined) gates.set(key, (has = gte(version, prerelease(since) === null ? `${since}-0` : since)));
  return has;
}

const gates = new Map<string, boolean>();

/** `0.37.0-rc.1 (a pre-release)`, the version as messages name it. */
export function describeVersion(version: string): string {
  return prerelease(version) === null ? version : `${version} (a pre-release)`;
}
