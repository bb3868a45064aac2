import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { ChartObject, renderChart } from './pipeline';
import { parsePath } from './props/config-secret';
import { ChartVersion, describeVersion } from './values/chart-version';
import { Diagnostic, formatDiagnostic, formatPath, Segment, ValuesError } from './values/errors';
import { DEFAULT_KUBE_VERSION, parseKubeVersion } from './values/kube-version';
import { isMap, Value, ValueMap } from './values/value-map';

/**
 * What `upgradeCheck` compares: one release's values under two chart versions, or on two host
 * Kubernetes versions (the chart reads `.Capabilities.KubeVersion`), or both.
 */
export interface UpgradeCheckOptions {
  /** The chart version the release runs now. */
  readonly from: ChartVersion;
  /**
   * The chart version to upgrade to.
   * @default - from: only the host is upgraded
   */
  readonly to?: ChartVersion;
  /** The release name. */
  readonly name: string;
  /** The host namespace. */
  readonly namespace: string;
  /**
   * The host's Kubernetes version.
   * @default - the pipeline's default
   */
  readonly kubeVersion?: string;
  /**
   * The host's Kubernetes version after its upgrade, e.g. "1.35.0" from "1.33.1": what changes for
   * the tenant when the host is upgraded (from 1.35 the chart grants `pods/resize`).
   * @default - kubeVersion: the host is not upgraded
   */
  readonly toKubeVersion?: string;
  /** The user's values files, later ones winning. */
  readonly values: readonly ValueMap[];
}

/** A value the target version refuses: the key path and the message, which says the fix. */
export interface RefusedValue {
  readonly path: string;
  readonly message: string;
  /** The refusal as data: the value received, the message and the fix apart. */
  readonly diagnostic: Diagnostic;
}

/** An object both versions render, and the field paths that differ. */
export interface ChangedObject {
  /** `Kind namespace/name` (`Kind name` when cluster-scoped). */
  readonly object: string;
  readonly paths: readonly string[];
}

export interface UpgradeCheckResult {
  readonly from: ChartVersion;
  readonly to: ChartVersion;
  /** The host's Kubernetes version rendered for now, as the chart sees it (`v1.33.1`). */
  readonly fromKubeVersion: string;
  /** The host's Kubernetes version after the upgrade. */
  readonly toKubeVersion: string;
  /**
   * What the target version refuses, each with its fix. The objects below are rendered with
   * those keys left out, as after the fix.
   */
  readonly refused: readonly RefusedValue[];
  /** Objects only the target version renders. */
  readonly added: readonly string[];
  /** Objects only the current version renders: the upgrade deletes them. */
  readonly removed: readonly string[];
  /** Objects both render differently (the `chart` label, which names the version, left aside). */
  readonly changed: readonly ChangedObject[];
  /** Whether the control plane's pods restart, and why (config hash, pod template fields). */
  readonly controlPlaneRolls: boolean;
  readonly rollReasons: readonly string[];
}

/** How many refusals are collected before giving up (each is fixed and the values rendered again). */
const MAX_REFUSALS = 50;

/**
 * Checks an upgrade before it happens: which of the values the target chart version refuses
 * (removed, renamed or newly constrained keys), then, rendering both versions, which objects are
 * added, removed and changed (by field path), and whether the control plane rolls.
 * Throws the ValuesError when the current version already refuses the values.
 */
export function upgradeCheck(options: UpgradeCheckOptions): UpgradeCheckResult {
  const fromKube = parseKubeVersion(options.kubeVersion ?? DEFAULT_KUBE_VERSION).version;
  const toKube = parseKubeVersion(options.toKubeVersion ?? options.kubeVersion ?? DEFAULT_KUBE_VERSION).version;
  const to = options.to ?? options.from;
  const render = (chartVersion: ChartVersion, kubeVersion: string, values: readonly ValueMap[]) => renderChart({
    name: options.name, namespace: options.namespace, kubeVersion, chartVersion, values,
  });
  const versions = { from: options.from, to, fromKubeVersion: fromKube, toKubeVersion: toKube };
  const before = render(options.from, fromKube, options.values);
  const refused: RefusedValue[] = [];
  let values = options.values;
  let after: ReturnType<typeof renderChart> | undefined;
  while (after === undefined) {
    try {
      after = render(to, toKube, values);
    } catch (e) {
      if (!(e instanceof ValuesError)) throw e;
      const found = refusals(e);
      refused.push(...found);
      const fixed = values.map((v) => found.reduce((acc, r) => withoutPath(acc, r.path), v));
      // A refusal no removal fixes (a rule over several keys) leaves nothing to render.
      if (isDeepStrictEqual(fixed, values) || refused.length > MAX_REFUSALS) {
        return { ...versions, refused, added: [], removed: [], changed: [], controlPlaneRolls: false, rollReasons: [] };
      }
      values = fixed;
    }
  }
  const a = byIdentity(before.objects);
  const b = byIdentity(after.objects);
  const changed: ChangedObject[] = [];
  for (const [id, objA] of a) {
    const objB = b.get(id);
    if (objB === undefined) continue;
    const paths = diffPaths(comparable(objA.manifest), comparable(objB.manifest), []);
    if (paths.length > 0) changed.push({ object: id, paths });
  }
  const rollReasons = rolls(before.objects, after.objects, options.name);
  return {
    ...versions,
    refused,
    added: [...b.keys()].filter((id) => !a.has(id)),
    removed: [...a.keys()].filter((id) => !b.has(id)),
    changed,
    controlPlaneRolls: rollReasons.length > 0,
    rollReasons,
  };
}

/** The report as people read it. */
export function formatUpgradeCheck(r: UpgradeCheckResult): string {
  const chart = r.from === r.to ? `chart ${describeVersion(r.from)}` : `chart ${describeVersion(r.from)} to ${describeVersion(r.to)}`;
  const host = r.fromKubeVersion === r.toKubeVersion ? '' : `host Kubernetes ${r.fromKubeVersion} to ${r.toKubeVersion}`;
  const title = r.from !== r.to && host ? `Upgrade from ${chart}, ${host}` : host ? `Upgrade of the ${host} (${chart})` : `Upgrade from ${chart}`;
  const lines = [title, ''];
  const section = (title: string, items: readonly string[]) => {
    lines.push(`${title}: ${items.length === 0 ? 'none' : ''}`.trimEnd(), ...items.map((i) => `  ${i}`), '');
  };
  section(`Values ${r.to} refuses`, r.refused.map((x) => x.message));
  section('Objects added', r.added);
  section('Objects removed', r.removed);
  section('Objects changed', r.changed.map((c) => `${c.object}: ${c.paths.join(', ')}`));
  lines.push(r.controlPlaneRolls ? `The control plane rolls: ${r.rollReasons.join('; ')}.` : 'The control plane does not roll.');
  return `${lines.join('\n')}\n`;
}

/** One refusal per diagnostic. */
function refusals(e: ValuesError): RefusedValue[] {
  return e.diagnostics.map((d) => ({ path: d.path, message: formatDiagnostic(d), diagnostic: d }));
}

function withoutPath(values: ValueMap, path: string): ValueMap {
  let segments: Segment[];
  try {
    segments = parsePath(path);
  } catch {
    return values;
  }
  const strip = (v: Value, i: number): Value => {
    if (!isMap(v) || !(String(segments[i]) in v)) return v;
    const key = String(segments[i]);
    if (i === segments.length - 1) {
      const { [key]: _gone, ...rest } = v;
      return rest;
    }
    return { ...v, [key]: strip(v[key], i + 1) };
  };
  return strip(values, 0) as ValueMap;
}

function identity(o: ChartObject): string {
  const ns = o.manifest.metadata.namespace;
  return `${o.manifest.kind} ${ns ? `${ns}/` : ''}${o.manifest.metadata.name}`;
}

function byIdentity(objects: readonly ChartObject[]): Map<string, ChartObject> {
  return new Map(objects.map((o) => [identity(o), o]));
}

/**
 * The manifest without the `chart` label (it names the chart version, so every object's changes)
 * and with the config Secret's vcluster.yaml decoded, so that its changes show as value paths.
 */
function comparable(manifest: ChartObject['manifest']): Value {
  const strip = (v: Value): Value => {
    if (!isMap(v)) return v;
    const labels = isMap(v.labels) ? (({ chart: _chart, ...rest }) => rest)(v.labels) : v.labels;
    return { ...v, labels };
  };
  const out: ValueMap = { ...manifest, metadata: strip(manifest.metadata) as ValueMap };
  const spec = out.spec;
  if (isMap(spec) && isMap(spec.template) && isMap(spec.template.metadata)) {
    out.spec = { ...spec, template: { ...spec.template, metadata: strip(spec.template.metadata) } };
  }
  if (manifest.kind === 'Secret' && isMap(manifest.data) && typeof manifest.data['config.yaml'] === 'string') {
    out.data = { ...manifest.data, 'config.yaml': parse(Buffer.from(manifest.data['config.yaml'], 'base64').toString('utf8')) as Value };
  }
  return out;
}

/** The paths where two values differ: map keys in either, list items by position. */
function diffPaths(a: Value, b: Value, at: Segment[]): string[] {
  if (isDeepStrictEqual(a, b)) return [];
  if (isMap(a) && isMap(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => diffPaths(a[k], b[k], [...at, k]));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.flatMap((item, i) => diffPaths(item, b[i], [...at, i]));
  }
  return [formatPath(at) || '(whole object)'];
}

/** Why the control plane's pods restart: a change of kind, of the config hash or of other pod template fields. */
function rolls(before: readonly ChartObject[], after: readonly ChartObject[], name: string): string[] {
  const controlPlane = (objects: readonly ChartObject[]) =>
    objects.find((o) => o.template === 'templates/statefulset.yaml' && o.manifest.metadata.name === name);
  const a = controlPlane(before);
  const b = controlPlane(after);
  if (!a || !b) return [];
  if (a.manifest.kind !== b.manifest.kind) return [`it becomes a ${b.manifest.kind} (was a ${a.manifest.kind})`];
  const templateOf = (o: ChartObject) => (comparable(o.manifest) as ValueMap).spec as ValueMap;
  const ta = templateOf(a).template as ValueMap;
  const tb = templateOf(b).template as ValueMap;
  const reasons: string[] = [];
  const hash = (t: ValueMap) => (isMap(t.metadata) && isMap(t.metadata.annotations) ? t.metadata.annotations.vClusterConfigHash : undefined);
  if (hash(ta) !== hash(tb)) reasons.push('the config hash (vClusterConfigHash) changes, the chart defaults or values being different');
  const other = diffPaths(ta, tb, ['spec', 'template']).filter((p) => p !== 'spec.template.metadata.annotations.vClusterConfigHash');
  if (other.length > 0) reasons.push(`the pod template changes (${other.join(', ')})`);
  return reasons;
}
