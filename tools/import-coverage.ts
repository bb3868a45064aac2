/**
 * Developer tool: how many real-world values files import with typed props only, per chart version.
 * `npm run import-coverage -- --vcluster GITDIR [--docs GITDIR] [--docs-ref REF] [--version V]... [--json] [--verbose] [--programs DIR]`
 *
 * Real-world values are the upstream repository's e2e, test and load-test values files of the
 * version's tag (and chart/tests files, when they are plain values), and the ```yaml snippets of
 * the vCluster docs of that minor version that are vcluster.yaml values. Both are read from local
 * git mirrors (`git show`), never copied into the project. Each file that renders is imported
 * (as `cdk8s-vcluster import` does), and the program is run and compared with the direct render,
 * config hash included.
 */
import { execFileSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { App, Chart } from 'cdk8s';
import { importValues } from '../src/import/program';
import { leafPaths } from '../src/import/values-tree';
import { renderTemplate } from '../src/cli/template';
import { ConfigSecret } from '../src/props/config-secret';
import { VCluster } from '../src/vcluster';
import { chartData, CHART_VERSIONS, ChartVersion, isChartVersion } from '../src/values/chart-version';
import { ValuesError } from '../src/values/errors';
import { HELM_DEFAULT_KUBE_VERSION } from '../src/values/kube-version';
import { ValueMap } from '../src/values/value-map';
import { parseValuesYaml } from '../src/yaml/values-yaml';
import { compareManifests } from '../test/conformance/compare';
import { runProgram } from '../test/import/program-runner';

/** Where a file comes from: the docs' snippets, or the upstream repository's e2e/test/load-test values. */
export type Source = 'docs' | 'e2e';
export const SOURCES: readonly Source[] = ['docs', 'e2e'];

/** One candidate file: a ```yaml block of a docs page, or a YAML file of the upstream repository. */
export interface Sample {
  readonly source: Source;
  /** "path:line" for a docs block, "tag:path" for a file. */
  readonly where: string;
  readonly text: string;
}

/** A fenced YAML block of a Markdown/MDX page. */
export interface YamlBlock {
  /** The line of the opening fence, 1-based. */
  readonly line: number;
  /** Its title="..." attribute, when it has one. */
  readonly title?: string;
  /** The block's text, without the fences and without the indentation of the opening fence. */
  readonly text: string;
}

/**
 * The ```yaml (or ```yml) blocks of a Markdown/MDX text. A fence may be indented (inside a JSX
 * tag or a list item): the block's lines lose that indentation. A block closes at a line of at
 * least as many backticks as it opened with; an unclosed block is left out.
 */
export function yamlBlocks(text: string): YamlBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: YamlBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*ya?ml\b(.*)$/i.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, info] = open;
    const close = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    let j = i + 1;
    while (j < lines.length && !close.test(lines[j])) j++;
    if (j >= lines.length) break;
    const body = lines.slice(i + 1, j).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()));
    const title = /title\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(info);
    blocks.push({ line: i + 1, title: title ? (title[1] ?? title[2] ?? title[3]) : undefined, text: body.join('\n') });
    i = j;
  }
  return blocks;
}

/** What a candidate file is. */
export type Classification =
  | { readonly kind: 'values'; readonly values: ValueMap }
  /** Holds Go template placeholders (`{{ .Values.x }}`): a template of a values file, not one. */
  | { readonly kind: 'template' }
  | { readonly kind: 'unparsable'; readonly reason: string }
  /** Parses, but is no vcluster.yaml: empty, or a key at the top that the chart's schema lacks (a manifest, CLI output, a test suite). */
  | { readonly kind: 'not-values'; readonly reason: string };

/** Whether a candidate's text is a vcluster.yaml, by its shape: a map whose top-level keys are all keys of the chart's values. */
export function classify(text: string, topLevelKeys: ReadonlySet<string>): Classification {
  if (text.includes('{{')) return { kind: 'template' };
  let values: ValueMap;
  try {
    values = parseValuesYaml(text, 'values.yaml');
  } catch (e) {
    if (e instanceof ValuesError) return { kind: 'unparsable', reason: e.message };
    throw e;
  }
  const keys = Object.keys(values);
  if (keys.length === 0) return { kind: 'not-values', reason: 'empty' };
  const foreign = keys.filter((k) => !topLevelKeys.has(k));
  if (foreign.length > 0) return { kind: 'not-values', reason: `top-level ${foreign.join(', ')}` };
  return { kind: 'values', values };
}

/** The sections (`a.b`, the first two keys of each leaf's path) that raw values set. */
export function rawSections(raw: ValueMap): string[] {
  return [...new Set(leafPaths(raw).map((p) => p.split('.').slice(0, 2).join('.')))];
}

/** What became of one values file. */
export interface FileResult {
  readonly source: Source;
  readonly where: string;
  /** Whether the library renders it (a file the chart refuses does not count further). */
  readonly renders: boolean;
  /** Why it does not render, or why the import or its program failed. */
  readonly error?: string;
  /** Whether the program has no raw `values`. */
  readonly typedOnly: boolean;
  /** The sections of the raw values left. */
  readonly rawSections: readonly string[];
  /** Whether the program renders exactly the direct render, config hash included. */
  readonly exact: boolean;
  /** The first differences, when not exact. */
  readonly problems?: readonly string[];
}

/** Counts of one version and source (or all sources). */
export interface Stats {
  /** YAML files or blocks looked at. */
  readonly found: number;
  readonly skipped: { readonly template: number; readonly unparsable: number; readonly notValues: number; readonly duplicate: number };
  /** Files that are vcluster.yaml values. */
  readonly values: number;
  readonly rendering: number;
  readonly typedOnly: number;
  /** typedOnly / rendering, in percent, one decimal. */
  readonly typedOnlyPercent: number;
  readonly roundTripExact: number;
  /** The raw sections left, with the number of files leaving each, most frequent first. */
  readonly rawSections: readonly { readonly section: string; readonly files: number }[];
}

type Skip = Exclude<Classification['kind'], 'values'> | 'duplicate';

/** The counts of the files of one version (and source). */
export function summarize(skips: readonly Skip[], results: readonly FileResult[]): Stats {
  const count = (k: Skip) => skips.filter((s) => s === k).length;
  const rendering = results.filter((r) => r.renders);
  const typedOnly = rendering.filter((r) => r.typedOnly).length;
  const sections = new Map<string, number>();
  for (const r of rendering) for (const s of r.rawSections) sections.set(s, (sections.get(s) ?? 0) + 1);
  return {
    found: skips.length + results.length,
    skipped: { template: count('template'), unparsable: count('unparsable'), notValues: count('not-values'), duplicate: count('duplicate') },
    values: results.length,
    rendering: rendering.length,
    typedOnly,
    typedOnlyPercent: rendering.length === 0 ? 0 : Math.round((1000 * typedOnly) / rendering.length) / 10,
    roundTripExact: rendering.filter((r) => r.exact).length,
    rawSections: [...sections].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([section, files]) => ({ section, files })),
  };
}

/** The docs folder of a chart version: its minor version's (0.36.1 → version-0.36.0). */
export function docsFolder(version: string): string {
  const m = /^(\d+)\.(\d+)\./.exec(version);
  if (!m) throw new Error(`${version}: not a chart version`);
  return `vcluster_versioned_docs/version-${m[1]}.${m[2]}.0`;
}

/** Upstream folders whose YAML files may be values files. */
const UPSTREAM_FOLDERS = ['e2e', 'test', 'load-test', 'chart/tests'];

const git = (dir: string, ...args: string[]): string =>
  execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

/** The e2e/test/load-test (and chart/tests) YAML files of the version's tag. */
function upstreamSamples(gitDir: string, version: string): Sample[] {
  const tag = `v${version}`;
  const files = git(gitDir, 'ls-tree', '-r', '--name-only', tag, '--', ...UPSTREAM_FOLDERS).split('\n').filter((f) => /\.ya?ml$/.test(f));
  return files.map((f) => ({ source: 'e2e', where: `${tag}:${f}`, text: git(gitDir, 'show', `${tag}:${f}`) }));
}

/** The ```yaml blocks of the docs pages of the version's minor release. */
function docsSamples(gitDir: string, ref: string, version: string): Sample[] {
  const folder = docsFolder(version);
  let pages: string[];
  try {
    pages = git(gitDir, 'grep', '-l', '-i', '-E', '(```|~~~)\\s*ya?ml', ref, '--', folder).split('\n').filter(Boolean);
  } catch {
    return []; // git grep exits 1 when nothing matches
  }
  return pages.flatMap((p) => {
    const path = p.slice(ref.length + 1);
    return yamlBlocks(git(gitDir, 'show', p)).map((b) => ({ source: 'docs' as const, where: `${path}:${b.line}`, text: b.text }));
  });
}

const RELEASE = { name: 'my-vcluster', namespace: 'vcluster-my-vcluster', kubeVersion: HELM_DEFAULT_KUBE_VERSION };

/**
 * The direct render: a VCluster of the values as raw values, as the imported program would build it
 * had it no typed props (the construct adds what the chart lacks, e.g. RBAC for a kubeconfig
 * Secret in another namespace, so `template`'s output is not the reference here).
 */
function renderDirect(values: ValueMap, chartVersion: ChartVersion): string {
  const app = new App();
  new VCluster(new Chart(app, 'direct'), RELEASE.name, {
    ...RELEASE, chartVersion, values, createNamespace: false, configSecret: ConfigSecret.plaintextInGit(),
  });
  return app.synthYaml();
}

/** Renders, imports, checks and runs one values file. */
export function measure(sample: Sample, values: ValueMap, chartVersion: ChartVersion, onProgram?: (program: string) => void): FileResult {
  const base = { source: sample.source, where: sample.where };
  try {
    // Whether the chart renders it, as `template` does.
    renderTemplate({ ...RELEASE, chartVersion, values: [values] });
  } catch (e) {
    return { ...base, renders: false, error: firstLine(e), typedOnly: false, rawSections: [], exact: false };
  }
  try {
    const direct = renderDirect(values, chartVersion);
    const result = importValues({ ...RELEASE, chartVersion, values: [values], sources: ['vcluster.yaml'] });
    onProgram?.(result.program);
    const sections = rawSections(result.raw);
    const problems = compareManifests(direct, runProgram(result.program), true);
    return { ...base, renders: true, typedOnly: sections.length === 0, rawSections: sections, exact: problems.length === 0,
      ...(problems.length > 0 ? { problems: problems.slice(0, 5) } : {}) };
  } catch (e) {
    return { ...base, renders: true, error: firstLine(e), typedOnly: false, rawSections: [], exact: false };
  }
}

/** The start of an error's message, on one line. */
function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').slice(0, 240);
}

/** The report of one chart version. */
export interface VersionReport {
  readonly version: ChartVersion;
  readonly tag: string;
  readonly docs?: string;
  readonly total: Stats;
  readonly bySource: { readonly [S in Source]?: Stats };
  readonly files: readonly FileResult[];
}

/** Measures every candidate of one chart version. */
export function measureVersion(
  samples: readonly Sample[], version: ChartVersion,
  hooks: { progress?: (done: number, all: number) => void; program?: (sample: Sample, program: string) => void } = {},
): VersionReport {
  const keys = new Set(Object.keys(chartData(version).schema.properties ?? {}));
  const skips: { source: Source; skip: Skip }[] = [];
  const results: FileResult[] = [];
  const seen = new Set<string>();
  samples.forEach((s, i) => {
    const c = classify(s.text, keys);
    if (c.kind !== 'values') {
      skips.push({ source: s.source, skip: c.kind });
    } else if (seen.has(`${s.source}\n${s.text.trim()}`)) {
      // The same snippet on several pages (a partial, a copied example) counts once.
      skips.push({ source: s.source, skip: 'duplicate' });
    } else {
      seen.add(`${s.source}\n${s.text.trim()}`);
      results.push(measure(s, c.values, version, hooks.program && ((p) => hooks.program!(s, p))));
    }
    hooks.progress?.(i + 1, samples.length);
  });
  const of = (source?: Source) => summarize(
    skips.filter((s) => source === undefined || s.source === source).map((s) => s.skip),
    results.filter((r) => source === undefined || r.source === source),
  );
  const sources = SOURCES.filter((src) => samples.some((s) => s.source === src));
  return {
    version,
    tag: `v${version}`,
    total: of(),
    bySource: Object.fromEntries(sources.map((src) => [src, of(src)])),
    files: results,
  };
}

/** The report's text: per version, per source, then the raw sections most often left. */
export function formatReport(reports: readonly VersionReport[], verbose: boolean, top = 12): string {
  const line = (label: string, s: Stats) => `  ${label.padEnd(6)} found ${s.found} (not values: ${s.skipped.notValues}, ` +
    `templates: ${s.skipped.template}, unparsable: ${s.skipped.unparsable}, duplicates: ${s.skipped.duplicate}); ` +
    `values ${s.values}, rendering ${s.rendering}, typed only ${s.typedOnly} (${s.typedOnlyPercent}%), round trip exact ${s.roundTripExact}`;
  const out: string[] = [];
  for (const r of reports) {
    out.push(`${r.version} (${r.tag}${r.docs ? `, ${r.docs}` : ''})`);
    out.push(line('all', r.total));
    for (const [source, s] of Object.entries(r.bySource)) out.push(line(source, s!));
    const sections = r.total.rawSections.slice(0, top).map((x) => `${x.section} ×${x.files}`).join(', ');
    out.push(`  raw sections: ${sections || '(none)'}`);
    const inexact = r.files.filter((f) => f.renders && !f.exact);
    if (inexact.length > 0) out.push(`  not exact: ${inexact.map((f) => `${f.where} (${f.error ?? f.problems?.[0]})`).join('; ')}`);
    if (verbose) {
      for (const f of r.files) {
        const what = !f.renders ? `refused: ${f.error}` : f.typedOnly ? 'typed only' : `raw: ${f.rawSections.join(', ')}`;
        out.push(`    ${f.where}: ${what}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}

interface Args {
  readonly vcluster: string;
  readonly docs?: string;
  readonly docsRef: string;
  readonly versions: readonly ChartVersion[];
  readonly json: boolean;
  readonly verbose: boolean;
  /** Where to write each imported program, for reading them. */
  readonly programs?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const vcluster = value('--vcluster');
  if (!vcluster) throw new Error('--vcluster GITDIR is required: a git directory of the vCluster repository (loft-sh/vcluster), with its tags');
  const versions = argv.flatMap((a, i) => (argv[i - 1] === '--version' ? [a] : []));
  for (const v of versions) {
    if (!isChartVersion(v)) throw new Error(`--version ${v}: not a chart version rendered here (${CHART_VERSIONS.join(', ')})`);
  }
  return {
    vcluster,
    docs: value('--docs'),
    docsRef: value('--docs-ref') ?? 'HEAD',
    versions: versions.length > 0 ? (versions as ChartVersion[]) : CHART_VERSIONS,
    json: argv.includes('--json'),
    verbose: argv.includes('--verbose'),
    programs: value('--programs'),
  };
}

function main(argv: readonly string[]): void {
  const args = parseArgs(argv);
  const reports = args.versions.map((version) => {
    const samples = [...(args.docs ? docsSamples(args.docs, args.docsRef, version) : []), ...upstreamSamples(args.vcluster, version)];
    const report = measureVersion(samples, version, {
      progress: (done, all) => {
        if (process.stderr.isTTY) process.stderr.write(`\r${version}: ${done}/${all}`);
      },
      program: args.programs === undefined ? undefined : (sample, program) => {
        const file = join(args.programs!, version, `${sample.where.replace(/[^\w.-]+/g, '_')}.ts`);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, program);
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    return { ...report, docs: args.docs ? `docs ${docsFolder(version).split('/')[1]} at ${args.docsRef}` : undefined };
  });
  if (args.json) {
    const commit = (dir: string, ref: string) => git(dir, 'rev-parse', ref).trim();
    process.stdout.write(`${JSON.stringify({
      measured: new Date().toISOString(),
      docsCommit: args.docs ? commit(args.docs, args.docsRef) : undefined,
      versions: reports.map((r) => ({ ...r, commit: commit(args.vcluster, `${r.tag}^{commit}`) })),
    }, undefined, 2)}\n`);
  } else {
    process.stdout.write(formatReport(reports, args.verbose));
  }
}

if (require.main === module) main(process.argv.slice(2));
