import { VClusterValues } from '../imports/chart-versions';
import { embeddedDatabaseEnabled } from './render/backing-store';
import { Manifest, RenderContext, RenderedObject } from './render/context';
import { deepFreeze, isMap, ValueMap } from './values/value-map';
import { manifestNumbers } from './render/manifest-numbers';
import { TEMPLATES } from './render/templates';
import { resolvePlainScalar } from './yaml/yaml-text';
import { checkEmbeddedYaml } from './yaml/yaml-limits';
import { chartRuleDiagnostics } from './values/chart-validation';
import { CHART_VERSIONS, chartData, ChartVersion, DEFAULT_CHART_VERSION, isChartVersion } from './values/chart-version';
import { coalesceValues, mergeValueFiles } from './values/coalesce';
import { Diagnostic, Severity, ValuesError } from './values/errors';
import { valuesError } from './values/diagnostic';
import { holdsInt64 } from './values/int64';
import { isDnsLabel } from './values/names';
import { DEFAULT_KUBE_VERSION, KubeVersion, parseKubeVersion } from './values/kube-version';
import { quotaBudget, quotaBudgetDiagnostics, QuotaBudgetLine } from './analysis/quota-budget';
import { deadQuotaEntryDiagnostics } from './analysis/dead-quota-entries';
import { beyondChartDiagnostics } from './values/sanity';
import { schemaDiagnostics } from './values/schema';
import { plainValues } from './values/user-values';
import { PreflightFinding } from './preflight/finding';
import { HostOptions } from './preflight/host';
import { preflight } from './preflight/preflight';

/** What the chart is rendered from: `helm template NAME -n NAMESPACE --kube-version V -f ...`. */
export interface RenderOptions {
  /** The release name. */
  readonly name: string;
  /** The host namespace. */
  readonly namespace: string;
  /**
   * The chart version rendered (`--version`): its defaults, schema, checks and templates.
   * @default DEFAULT_CHART_VERSION
   */
  readonly chartVersion?: ChartVersion;
  /**
   * The host's Kubernetes version (`--kube-version`).
   * @default - the host's, else DEFAULT_KUBE_VERSION
   */
  readonly kubeVersion?: string;
  /**
   * The host namespace's Pod Security labels, LimitRanges and ResourceQuotas, and its version: what
   * the pre-flight checks the rendered objects against.
   * @default - none: the pre-flight checks what needs no host
   */
  readonly host?: HostOptions;
  /**
   * User values files, later ones winning, as with repeated `-f`.
   * @default - none: the chart defaults
   */
  readonly values?: readonly VClusterValues[];
  /**
   * What the rules beyond helm's own (the checks beyond the chart, the quota budget, dead quota
   * entries) make of a problem: `error` refuses the values; `warning` renders them and lists the
   * problems in `RenderResult.warnings`, as `template` does, where helm's behaviour is the contract.
   * @default 'error'
   */
  readonly beyondHelm?: Severity;
  /**
   * @internal Applied to the validated values before the templates render: the construct swaps
   * the credentials for placeholders here, so that no object (nor the config hash) is made from them.
   * @default - the values render as they are
   */
  readonly substitute?: (values: ValueMap) => ValueMap;
}

/** A rendered object and the chart template that rendered it. */
export interface ChartObject extends RenderedObject {
  /** The template file, as helm names it in `# Source: vcluster/<template>` comments, e.g. "templates/role.yaml". */
  readonly template: string;
}

export interface RenderResult {
  /** The full values the virtual cluster runs with (what goes into its config Secret). */
  readonly values: ValueMap;
  /** The rendered objects, in the order Helm would install them. */
  readonly objects: ChartObject[];
  /**
   * The ResourceQuota against what the virtual cluster itself uses.
   * @default - undefined: the chart renders no quota
   */
  readonly quotaBudget?: QuotaBudgetLine[];
  /** What the host would refuse (errors) or let in and fail later (warnings); errors first. */
  readonly findings: readonly PreflightFinding[];
  /** What the rules beyond helm's found, when they report warnings (`beyondHelm: 'warning'`). */
  readonly warnings: readonly Diagnostic[];
}

/**
 * The values of one release, resolved: the user's values files merged, then coalesced with the
 * chart's defaults, before any rule has looked at them (stage 1 of `renderChart`).
 */
export interface ResolvedValues {
  readonly release: { readonly name: string; readonly namespace: string };
  readonly chartVersion: ChartVersion;
  readonly kubeVersion: KubeVersion;
  /** The user's values, merged (before the chart's defaults): what a message blames the user for. */
  readonly user: ValueMap;
  /** The full values: the user's coalesced with the chart's defaults. */
  readonly values: ValueMap;
}

/**
 * The one rendering pipeline, in three stages that can also be called on their own: the values
 * resolved (`resolveValues`), every rule on them (`diagnoseValues`, thrown as one ValuesError),
 * then the objects of every chart template (`renderObjects`). The construct, the CLI and the
 * tests all go through here; turning the objects into output (ApiObjects, helm's stream) is theirs.
 */
export function renderChart(options: RenderOptions): RenderResult {
  const resolved = resolveValues(options);
  const found = diagnoseValues(resolved, options);
  const errors = found.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new ValuesError(errors);
  const result = renderObjects(resolved, options);
  return { ...result, warnings: [...found.filter((d) => d.severity === 'warning'), ...result.warnings] };
}

/** What the rules beyond helm's found, as the severity asked for. */
function beyondHelm(found: readonly Diagnostic[], severity: Severity = 'error'): Diagnostic[] {
  return found.map((d) => (d.severity === severity ? d : { ...d, severity }));
}

/** Stage 1: the release checked, the user's values merged and coalesced with the chart's defaults. */
export function resolveValues(options: RenderOptions): ResolvedValues {
  checkName('name', options.name, 53);
  checkName('namespace', options.namespace, 63);
  const kubeVersion = parseKubeVersion(hostKubeVersion(options) ?? DEFAULT_KUBE_VERSION);
  const user = (options.values ?? []).map((v, i) => {
    const source = `values${options.values!.length > 1 ? `[${i}]` : ''}`;
    if (!isMap(v)) {
      throw valuesError({ path: 'values', subject: source, value: v,
        message: `expected a map of vcluster.yaml values, got ${Array.isArray(v) ? 'a list' : JSON.stringify(v)}.` });
    }
    return plainValues(v, source);
  });
  const chartVersion = options.chartVersion ?? DEFAULT_CHART_VERSION;
  if (!isChartVersion(chartVersion)) {
    throw valuesError({ path: 'chartVersion', value: chartVersion, message: `${JSON.stringify(chartVersion)} is not a chart version rendered here.`,
      fix: `Choose one of ${CHART_VERSIONS.join(', ')}.` });
  }
  const merged = mergeValueFiles(user);
  const values = coalesceValues(chartData(chartVersion).defaults as ValueMap, merged);
  return { release: { name: options.name, namespace: options.namespace }, chartVersion, kubeVersion, user: merged, values };
}

/** What `diagnoseValues` takes beside the values. */
export interface DiagnoseOptions {
  /**
   * As `RenderOptions.beyondHelm`: the severity of what the checks beyond the chart find.
   * @default 'error'
   */
  readonly beyondHelm?: Severity;
}

/**
 * Stage 2: every rule on the resolved values (the chart's schema, the chart's own checks, the
 * checks beyond the chart), all at once, so that one error lists every problem.
 */
export function diagnoseValues(resolved: ResolvedValues, options: DiagnoseOptions = {}): Diagnostic[] {
  const { values, user, chartVersion } = resolved;
  return [
    ...schemaDiagnostics(values, chartVersion),
    ...chartRuleDiagnostics(values, chartVersion),
    ...beyondHelm(beyondChartDiagnostics(values, user, chartVersion), options.beyondHelm),
  ];
}

/** What `renderObjects` takes beside the values. */
export interface RenderObjectsOptions extends DiagnoseOptions {
  /**
   * The host the pre-flight checks the objects against.
   * @default - none: the pre-flight checks what needs no host
   */
  readonly host?: HostOptions;
  /**
   * @internal As `RenderOptions.substitute`.
   * @default - the values render as they are
   */
  readonly substitute?: (values: ValueMap) => ValueMap;
}

/**
 * Stage 3: the objects every chart template renders for values that passed `diagnoseValues`, in
 * Helm's install order, with the rules on the rendered objects (the quota budget and the quota's
 * dead entries, the pre-flight).
 * The values are frozen then: the rendered objects are made from them.
 */
export function renderObjects(resolved: ResolvedValues, options: RenderObjectsOptions = {}): RenderResult {
  const { values } = resolved;
  checkEmbeddedYaml(values);
  const ctx: RenderContext = {
    values: options.substitute ? options.substitute(values) : values,
    release: resolved.release,
    kubeVersion: resolved.kubeVersion,
    chartVersion: resolved.chartVersion,
  };
  // Frozen before the templates render, which only read them: the config hash's YAML is then kept
  // with the values (helm-yaml-cache), and the config Secret's text reuses it.
  deepFreeze(ctx.values);
  // Refuses two backing stores at once before any template renders.
  embeddedDatabaseEnabled(ctx);
  const rendered = TEMPLATES.flatMap(({ file, render }) => render(ctx).map((o): ChartObject => ({ ...o, template: file })));
  // An int64 from --set (Int64) becomes a JSON number in the objects; the values keep it for the config Secret's text.
  const objects = holdsInt64(resolved.user) ? manifestNumbers(rendered) : rendered;
  const sorted = sortByInstallOrder(objects);
  const budget = quotaBudget(ctx, sorted);
  const found = budget ? beyondHelm([...quotaBudgetDiagnostics(ctx, sorted, budget), ...deadQuotaEntryDiagnostics(values, resolved.user)],
    options.beyondHelm) : [];
  if (found.some((d) => d.severity === 'error')) throw new ValuesError(found);
  const findings = preflight(ctx, sorted, options.host, budget);
  // Rendered: the values no longer change (the config Secret's text is made from them when read).
  deepFreeze(values);
  return { values, objects: sorted, quotaBudget: budget, findings, warnings: found };
}

/** The host version given as kubeVersion or with the host; both must agree. */
function hostKubeVersion(options: RenderOptions): string | undefined {
  const given = options.kubeVersion;
  const host = options.host?.kubeVersion;
  if (given !== undefined && host !== undefined) {
    const [a, b] = [parseKubeVersion(given), parseKubeVersion(host)];
    if (a.version !== b.version) {
      throw valuesError({ path: 'host.kubeVersion', value: host, mentions: ['kubeVersion'],
        message: `got ${JSON.stringify(host)}, but kubeVersion is ${JSON.stringify(given)}: both name the host cluster's version.`,
        fix: 'Give one of them, or the same version in both.' });
    }
  }
  return given ?? host;
}

function checkName(what: string, value: string, max: number): void {
  const kind = what === 'name' ? 'release name' : 'namespace';
  if (!isDnsLabel(value, max)) {
    throw valuesError({ path: what, value, message: `${JSON.stringify(value)} is not a valid ${kind}.`,
      fix: `Use at most ${max} lowercase letters, digits and '-', starting and ending with a letter or digit.` });
  }
  // The chart writes names unquoted: one that YAML reads as a number, boolean or null breaks every object.
  if (typeof resolvePlainScalar(value) !== 'string') {
    throw valuesError({ path: what, value, message: `${JSON.stringify(value)} reads as a number, boolean or null in YAML, and the chart ` +
      `writes the ${kind} unquoted.`, fix: `Choose a ${kind} that is plain text, e.g. "vc-${value}".` });
  }
}

/** Helm's install order (the order `helm template` prints kinds in); unknown kinds go last, by kind. */
const INSTALL_ORDER = [
  'PriorityClass', 'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy',
  'PodDisruptionBudget', 'ServiceAccount', 'Secret', 'SecretList', 'ConfigMap', 'StorageClass',
  'PersistentVolume', 'PersistentVolumeClaim', 'CustomResourceDefinition', 'ClusterRole',
  'ClusterRoleList', 'ClusterRoleBinding', 'ClusterRoleBindingList', 'Role', 'RoleList', 'RoleBinding',
  'RoleBindingList', 'Service', 'DaemonSet', 'Pod', 'ReplicationController', 'ReplicaSet', 'Deployment',
  'HorizontalPodAutoscaler', 'StatefulSet', 'Job', 'CronJob', 'IngressClass', 'Ingress', 'APIService',
  'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration',
];
const RANK = new Map(INSTALL_ORDER.map((k, i) => [k, i]));

function sortByInstallOrder(objects: ChartObject[]): ChartObject[] {
  const unknown = INSTALL_ORDER.length;
  const rank = (m: Manifest) => RANK.get(m.kind) ?? unknown;
  // helm's lessByKind, applied stably to the objects in template file order.
  const kindOrder = (a: Manifest, b: Manifest) => {
    const [ra, rb] = [rank(a), rank(b)];
    if (ra !== rb) return ra - rb;
    return ra === unknown && a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : 0;
  };
  return objects
    .map((o, i) => ({ o, i }))
    .sort((a, b) => kindOrder(a.o.manifest, b.o.manifest) || a.i - b.i)
    .map((x) => x.o);
}
