import { isDeepStrictEqual } from 'node:util';
import type { SchemaNode } from '../../imports/chart-versions';
import { chartData, ChartVersion, isChartVersion } from '../values/chart-version';
import { formatPath } from '../values/errors';
import { isMap, Value, ValueMap } from '../values/value-map';
import { PreflightFinding } from './finding';
import { numberValue } from '../values/int64';

/**
 * Features that need a vCluster Pro license (or a vCluster Platform connection): accepted by the
 * chart, they fail when the virtual cluster starts without one (loft-sh/vcluster#3953). The chart
 * version's schema marks most of them `pro: true`; the few it describes as needing the platform
 * without the mark are listed here.
 */
const UNMARKED: readonly (readonly [path: string, why: string])[] = [
  ['privateNodes.vpn.enabled', 'the schema says "Platform connection is required for the vpn to work"'],
  ['controlPlane.backingStore.database.external.connector', 'the database connection is read from a connected vCluster Platform'],
];

/** A warning for each license-only feature the values turn on that the chart's defaults leave off. */
export function proFeatureFindings(values: ValueMap, chartVersion: string): PreflightFinding[] {
  if (!isChartVersion(chartVersion)) return [];
  const defaults = chartData(chartVersion).defaults as ValueMap;
  const marked = proPaths(chartVersion).map((p): [string, string] => [p, `vCluster chart ${chartVersion} marks it "pro" in its values schema`]);
  const paths = [...marked, ...UNMARKED];
  const on = paths.filter(([p]) => {
    const v = at(values, p);
    return active(v) && !isDeepStrictEqual(v, at(defaults, p));
  });
  // The most specific path only: controlPlane.backingStore.etcd.embedded.enabled, not also its parent.
  return on.filter(([p]) => !on.some(([q]) => q !== p && q.startsWith(`${p}.`))).map(([p, why]) => ({
    severity: 'warning',
    path: p,
    message: `turns on a feature that needs a vCluster Pro license (${why}): without one, the virtual cluster fails when it starts.`,
    fix: `Make sure the virtual cluster gets a license (platform.apiKey), or leave ${p} out.`,
    rule: 'vCluster Pro',
  }));
}

const cache = new Map<ChartVersion, string[]>();

/** The values paths the version's schema marks `pro: true` (through $refs, not into lists). */
function proPaths(version: ChartVersion): string[] {
  let found = cache.get(version);
  if (found) return found;
  const schema = chartData(version).schema;
  found = [];
  const walk = (node: SchemaNode | boolean | undefined, path: string[], seen: ReadonlySet<string>): void => {
    if (typeof node !== 'object') return;
    if (node.$ref !== undefined) {
      if (seen.has(node.$ref)) return;
      walk(schema.$defs[node.$ref.slice('#/$defs/'.length)], path, new Set([...seen, node.$ref]));
      return;
    }
    for (const [name, sub] of Object.entries(node.properties ?? {})) {
      if (sub.pro === true) found!.push(formatPath([...path, name]));
      walk(sub, [...path, name], seen);
    }
  };
  walk(schema, [], new Set());
  cache.set(version, found);
  return found;
}

function at(values: ValueMap, path: string): Value {
  return path.split('.').reduce<Value>((v, k) => (isMap(v) ? v[k] : undefined), values);
}

/** Whether a value turns something on: true, a non-empty list or text, or a map with such a value. */
function active(v: Value): boolean {
  if (v === true) return true;
  if (typeof v === 'string') return v !== '';
  const n = numberValue(v);
  if (n !== undefined) return n !== 0;
  if (Array.isArray(v)) return v.length > 0;
  // A feature with an enabled switch is on when it is; other maps when any of their values is.
  if (isMap(v)) return 'enabled' in v ? active(v.enabled) : Object.values(v).some(active);
  return false;
}
