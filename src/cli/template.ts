import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { App, Chart, Yaml } from 'cdk8s';
import { allValues, isSet, lastValue, ParsedArgs, UsageError } from './args';
import { resolveChart } from './chart-ref';
import { CliIo } from './io';
import { helmNamespace } from './namespace';
import { OutputFolderError, replaceFolder } from '../output-folder';
import { userValues } from './values-options';
import { toApiObject } from '../api-objects';
import { renderChart } from '../pipeline';
import { formatDiagnostic, ValuesError } from '../values/errors';
import { apiServerLimitDiagnostics } from '../api-server-limits';
import { isMap, ValueMap } from '../values/value-map';
import { findLeaks } from '../secrets/output-guard';
import { HELM_DEFAULT_KUBE_VERSION } from '../values/kube-version';
import { ChartVersion } from '../values/chart-version';
import { manifestYaml } from '../yaml/manifest-yaml';

/** What `cdk8s-vcluster template` renders. */
export interface TemplateOptions {
  readonly name: string;
  readonly namespace: string;
  /** @default - the pipeline's default (the command line passes helm's) */
  readonly kubeVersion?: string;
  /** @default DEFAULT_CHART_VERSION */
  readonly chartVersion?: ChartVersion;
  readonly values: readonly ValueMap[];
}

/** One manifest as `helm template` prints it. */
export interface TemplateDocument {
  /** Its template as helm names it: "vcluster/templates/role.yaml". */
  readonly source: string;
  /** The manifest's YAML, ending with a newline. */
  readonly yaml: string;
  /** The events of its `helm.sh/hook` annotation, when it is a hook. @default - none: no hook */
  readonly hookEvents?: readonly string[];
}

/** The chart's name, the first part of helm's `# Source:` paths and of the --output-dir layout. */
const CHART_DIR = 'vcluster';

/** What the writer does not cover goes to cdk8s, whose bytes a synthesized VCluster has. */
const cdk8sYaml = (doc: unknown) => Yaml.stringify(doc);

/** helm's hook events (pkg/release/v1/hook.go); test-success is an old name of test. */
const HOOK_EVENTS = new Set([
  'pre-install', 'post-install', 'pre-delete', 'post-delete', 'pre-upgrade', 'post-upgrade', 'pre-rollback', 'post-rollback', 'test', 'test-success',
]);

/**
 * The manifests `helm template` prints, in its order: the objects (by helm's kind order, then
 * template file order), then the hooks (objects annotated `helm.sh/hook`, the same order).
 * Each is serialized as the construct synthesizes it (cdk8s ApiObject JSON, as YAML). Objects
 * whose hook annotation names an event helm does not know are left out, as helm leaves them
 * out; `skipped` says which. What the rules beyond helm's find (the values the virtual cluster
 * would not run with, the objects the API server would refuse) does not stop the render, as helm
 * renders them: `beyondHelm` lists it, one line each.
 */
export function renderDocuments(options: TemplateOptions): {
  documents: TemplateDocument[]; skipped: string[]; credentials: string[]; beyondHelm: string[];
} {
  let result: ReturnType<typeof renderChart>;
  try {
    result = renderChart({ ...options, beyondHelm: 'warning' });
  } catch (e) {
    // Where helm would fail rendering, the error names the release.
    throw e instanceof ValuesError ? e.forTenant({ release: options.name }) : e;
  }
  const chart = new Chart(new App(), 'template');
  const objects: TemplateDocument[] = [];
  const hooks: TemplateDocument[] = [];
  const skipped: string[] = [];
  const written: unknown[] = [];
  for (const o of result.objects) {
    const json = toApiObject(chart, o.id, o.manifest).toJson();
    written.push(json);
    const doc = { source: `${CHART_DIR}/${o.template}`, yaml: manifestYaml(json, cdk8sYaml) };
    const annotations = o.manifest.metadata.annotations;
    const hook =
      isMap(annotations) && Object.prototype.hasOwnProperty.call(annotations, 'helm.sh/hook') ? String(annotations['helm.sh/hook']) : undefined;
    if (hook === undefined) {
      objects.push(doc);
      continue;
    }
    const events = hook.split(',').map((e) => e.trim().toLowerCase());
    if (events.every((e) => HOOK_EVENTS.has(e))) hooks.push({ ...doc, hookEvents: events });
    else skipped.push(`${o.manifest.kind} ${o.manifest.metadata.name} (helm.sh/hook: ${JSON.stringify(hook)})`);
  }
  // Like helm, the output keeps the credentials (the config Secret base64 only); unlike helm, the output guard says where.
  const config = { object: `Secret/vc-config-${options.name}`, path: ['data', 'config.yaml'], values: result.values };
  const credentials = findLeaks(written, { config }).map((c) => `${c.at}: ${c.what}, in clear in the output`);
  const limits = apiServerLimitDiagnostics(result.objects.map((o) => o.manifest), options.name);
  const beyondHelm = [...result.warnings, ...limits].map((d) => formatDiagnostic(d));
  return { documents: [...objects, ...hooks], skipped, credentials, beyondHelm };
}

/** The manifest stream of `helm template` for the options (every manifest, hooks included). */
export function renderTemplate(options: TemplateOptions): string {
  return formatStream(renderDocuments(options).documents);
}

/** `---`, `# Source: …` and the manifest, for each document: helm's output. */
export function formatStream(documents: readonly TemplateDocument[]): string {
  if (documents.length === 0) return '\n';
  return documents.map((d) => `---\n# Source: ${d.source}\n${d.yaml}`).join('');
}

/** What selects the manifests that are printed. */
export interface Selection {
  /** --no-hooks. */
  readonly noHooks: boolean;
  /** --skip-tests. */
  readonly skipTests: boolean;
  /** --show-only patterns. @default - none: everything */
  readonly showOnly: readonly string[];
}

/**
 * The documents helm prints with these flags. --show-only takes, pattern by pattern, the
 * manifests whose template (`templates/role.yaml`) matches it as Go's filepath.Match matches
 * (`*`, `?`, `[a-z]`); a pattern that matches nothing is an error, as in helm.
 */
export function selectDocuments(documents: readonly TemplateDocument[], selection: Selection): TemplateDocument[] {
  const kept = documents.filter(
    (d) => !(d.hookEvents && (selection.noHooks || (selection.skipTests && d.hookEvents.some((e) => e === 'test' || e === 'test-success')))),
  );
  if (selection.showOnly.length === 0) return kept;
  return selection.showOnly.flatMap((pattern) => {
    const matching = kept.filter((d) => goPathMatch(pattern.replace(/\\/g, '/'), d.source.slice(CHART_DIR.length + 1)));
    // helm's own error (status 1, no usage hint): the flag is well formed, the chart rendered nothing there.
    if (matching.length === 0) throw new Error(`could not find template ${pattern} in chart`);
    return matching;
  });
}

/**
 * Go's path/filepath.Match: `*` is any run of characters but '/', `?` one of them, `[...]` a
 * class (`[^...]` negated, ranges a-z; it may match '/'), `\` escapes. A malformed pattern
 * matches nothing (helm ignores the error).
 */
export function goPathMatch(pattern: string, name: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\') {
      if (++i >= pattern.length) return false;
      re += escapeRegex(pattern[i]);
    } else if (c === '[') {
      let j = i + 1;
      let cls = pattern[j] === '^' ? '^' : '';
      if (cls) j++;
      const start = cls.length;
      for (; pattern[j] !== ']'; j++) {
        let lo = pattern[j];
        if (lo === '\\') lo = pattern[++j];
        if (lo === undefined || lo === '-') return false;
        if (pattern[j + 1] === '-') {
          let hi = pattern[j + 2];
          j += 2;
          if (hi === '\\') hi = pattern[++j];
          if (hi === undefined || hi === ']' || hi < lo) return false;
          cls += `${escapeRegex(lo)}-${escapeRegex(hi)}`;
        } else {
          cls += escapeRegex(lo);
        }
      }
      if (cls.length === start) return false;
      re += `[${cls}]`;
      i = j;
    } else {
      re += escapeRegex(c);
    }
  }
  return new RegExp(`^${re}$`, 's').test(name);
}

function escapeRegex(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

/**
 * `cdk8s-vcluster template [NAME] [CHART]`: renders fully, then returns what goes to stdout
 * (the manifests, or with --output-dir the files it wrote). Throws UsageError or ValuesError.
 */
export function templateCommand(args: ParsedArgs, io: CliIo): string {
  const { name, chart } = releaseAndChart(args.positionals, isSet(args, 'generate-name'));
  const chartVersion = resolveChart({
    chart,
    repo: lastValue(args, 'repo'),
    version: lastValue(args, 'version'),
    devel: isSet(args, 'devel'),
    exists: existsSync,
  });
  const dryRun = lastValue(args, 'dry-run');
  if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'client') {
    throw new UsageError(`--dry-run=${dryRun} is not supported: helm template renders client-side (--dry-run=client); a server dry run ` +
      `needs helm and the cluster`);
  }
  const outputDir = lastValue(args, 'output-dir');
  const showOnly = allValues(args, 'show-only');
  if (outputDir !== undefined && showOnly.length > 0) {
    throw new UsageError('--show-only and --output-dir together are refused: helm writes every template and then fails; give one of them');
  }
  const { documents, skipped, credentials, beyondHelm } = renderDocuments({
    name,
    namespace: helmNamespace(
      { namespace: lastValue(args, 'namespace'), kubeconfig: lastValue(args, 'kubeconfig'), kubeContext: lastValue(args, 'kube-context') },
      io,
    ),
    kubeVersion: lastValue(args, 'kube-version') ?? HELM_DEFAULT_KUBE_VERSION,
    chartVersion,
    values: [userValues(args, io)],
  });
  const selected = selectDocuments(documents, { noHooks: isSet(args, 'no-hooks'), skipTests: isSet(args, 'skip-tests'), showOnly });
  for (const s of skipped) io.stderr(`warning: left out ${s}: an unknown hook event, which helm skips too\n`);
  for (const c of credentials) io.stderr(`warning: ${c}\n`);
  for (const b of beyondHelm) io.stderr(`warning: ${b}\n`);
  if (outputDir === undefined) return formatStream(selected);
  return writeOutputDir(outputDir, isSet(args, 'release-name') ? name : undefined, selected, io);
}

/**
 * helm's --output-dir layout, DIR[/NAME]/vcluster/templates/<file>.yaml, each file holding its
 * manifests with their `# Source:` lines. The folder vcluster/ is replaced as a whole (helm
 * would leave the files of templates that no longer render) or not at all. Returns helm's
 * "wrote" lines; what went wrong after the swap is a warning on stderr.
 */
function writeOutputDir(outputDir: string, releaseName: string | undefined, documents: readonly TemplateDocument[], io: CliIo): string {
  const base = releaseName === undefined ? outputDir : join(outputDir, releaseName);
  const files = new Map<string, string>();
  for (const d of documents) files.set(d.source, `${files.get(d.source) ?? ''}---\n# Source: ${d.source}\n${d.yaml}`);
  let warnings: string[];
  try {
    warnings = replaceFolder(join(base, CHART_DIR), (staging) => {
      for (const [path, text] of files) {
        const file = join(staging, path.slice(CHART_DIR.length + 1));
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
      }
    });
  } catch (e) {
    if (e instanceof OutputFolderError) throw new Error(`--output-dir ${outputDir}: ${e.message}`);
    throw e;
  }
  for (const w of warnings) io.stderr(`warning: ${w}\n`);
  return `${documents.map((d) => `wrote ${base}/${d.source}\n`).join('')}\n`;
}

/**
 * helm template's arguments [NAME] [CHART]: two are the release name and the chart; a lone one
 * is the chart for helm (the release is then "release-name"), and here the release name too
 * when it names no chart (`template vc1`) and --generate-name is not given.
 */
function releaseAndChart(positionals: readonly string[], generateName: boolean): { name: string; chart?: string } {
  if (positionals.length > 2) throw new UsageError(`expected at most two arguments, NAME and CHART; unexpected: ${positionals.slice(2).join(', ')}`);
  if (positionals.length === 2) {
    if (generateName) throw new UsageError('cannot set --generate-name and also specify a name');
    return { name: positionals[0], chart: positionals[1] };
  }
  if (positionals.length === 0) {
    throw new UsageError('template needs NAME and CHART, e.g. `template vc1 vcluster/vcluster` (or NAME alone: `template vc1`)');
  }
  const arg = positionals[0];
  const namesChart = generateName || arg === 'vcluster' || /[/:]/.test(arg) || arg.endsWith('.tgz') || arg.startsWith('.');
  return namesChart ? { name: 'release-name', chart: arg } : { name: arg };
}
