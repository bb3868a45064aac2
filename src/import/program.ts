import { isDeepStrictEqual } from 'node:util';
import { App, Chart } from 'cdk8s';
import { ChartVersion, DEFAULT_CHART_VERSION } from '../values/chart-version';
import { ConfigSecret } from '../props/config-secret';
import { findCredentials } from '../secrets/credentials';
import { ValueMap } from '../values/value-map';
import { formatPath, ValuesError } from '../values/errors';
import { findLeaks } from '../secrets/output-guard';
import { mergeValueFiles } from '../values/coalesce';
import { DEFAULT_KUBE_VERSION } from '../values/kube-version';
import { VCluster } from '../vcluster';
import type { VClusterProps } from '../props/vcluster-props';
import { PROP_TABLE } from '../props/table';
import { IMPORTABLE_NAMES, LIBRARY } from '../props/decode/candidates';
import { startRefusals } from '../props/decode/sync';
import { Code, Expr, Import, layout, literal, MAX_LINE, quote } from '../props/decode/expr';
import { choose, Choice } from './select';

/** What `cdk8s-vcluster import` writes a program for. */
export interface ImportOptions {
  /** The release name: the VCluster's id. */
  readonly name: string;
  readonly namespace: string;
  /** The host's Kubernetes version. */
  readonly kubeVersion?: string;
  /**
   * The chart version the program renders: its defaults decide what the values change, its schema what they may hold.
   * @default DEFAULT_CHART_VERSION
   */
  readonly chartVersion?: ChartVersion;
  /** The chart class's name. @default - from the name, e.g. "Vc1Chart" for "vc1" */
  readonly className?: string;
  /** The values files, later ones winning. */
  readonly values: readonly ValueMap[];
  /** Where the values came from, for the header comment. */
  readonly sources?: readonly string[];
}

/** The generated program, and how the values were split. */
export interface ImportResult {
  /** The TypeScript source. */
  readonly program: string;
  /** The typed props used, top level (e.g. "backingStore", "sync"). */
  readonly typedProps: readonly string[];
  /** The raw values left for the `values` prop. */
  readonly raw: ValueMap;
}

/** What every generated program imports, beside what its typed props need. */
const PROGRAM_IMPORTS: readonly Import[] = [
  { module: 'cdk8s', name: 'App' }, { module: 'cdk8s', name: 'Chart' },
  { module: LIBRARY, name: 'VCluster' }, { module: 'constructs', name: 'Construct' },
];

/** Names the generated program declares or imports itself. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...PROGRAM_IMPORTS.map((i) => i.name), ...IMPORTABLE_NAMES, 'ConfigSecret', 'app', 'require', 'module', 'exports',
]);

/** The class name for a release name: "vc1" → "Vc1Chart", "my-release" → "MyReleaseChart". */
export function defaultClassName(name: string): string {
  const pascal = name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(pascal) ? `${pascal}Chart` : `VCluster${pascal}Chart`;
}

/**
 * A TypeScript program that builds the virtual cluster of the values with the typed API: typed
 * props for what they express exactly, raw values for the rest. Throws a ValuesError for values
 * `template` refuses. The program is checked before it is returned: its VCluster renders the same
 * objects and values as the raw values do; where a typed prop would change them it is not used.
 */
export function importValues(given: ImportOptions): ImportResult {
  // Helm takes the host version with or without "v"; the construct takes it without, so that
  // it is never mistaken for the virtual cluster's version (kubernetesVersion).
  const options = { ...given, kubeVersion: given.kubeVersion?.trim().replace(/^v/, ''), chartVersion: given.chartVersion ?? DEFAULT_CHART_VERSION };
  const user = mergeValueFiles(options.values);
  const release = { name: options.name, namespace: options.namespace, kubeVersion: options.kubeVersion, chartVersion: options.chartVersion };
  // What `template` renders; throws for invalid values as `template` does.
  const reference = build(release, { values: user });

  // A typed prop may also refuse what raw values allow (several replicas on the embedded database):
  // a refusal is diagnostics; anything else is a fault of the library, shown rather than hidden.
  const rendersLikeReference = (c: Choice): boolean => {
    try {
      return sameCluster(reference, build(release, propsOf(c)));
    } catch (e) {
      if (e instanceof ValuesError) return false;
      throw e;
    }
  };
  let choice = choose(user, options.chartVersion);
  if (!rendersLikeReference(choice)) {
    // A prop that compiles to the same values but renders differently (multi-namespace mode
    // copies the quota into the mapped namespaces): leave each taken prop out in turn, last
    // first; in the end, raw values only (which render what `template` renders).
    const fallback = choice;
    choice = { raw: user, taken: [] };
    for (const unit of [...fallback.taken].reverse()) {
      const without = choose(user, options.chartVersion, new Set([unit.key]));
      if (rendersLikeReference(without)) {
        choice = without;
        break;
      }
    }
  }
  const credentials = credentialsInClear(reference, options.chartVersion);
  return {
    program: printProgram(options, choice, credentials, startRefusals(user)),
    typedProps: choice.props ? Object.keys(choice.props.value as object) : [],
    raw: choice.raw,
  };
}

type Release = { readonly name: string; readonly namespace: string; readonly kubeVersion?: string; readonly chartVersion: ChartVersion };

function propsOf(choice: Choice): VClusterProps {
  const typed = (choice.props?.value ?? {}) as VClusterProps;
  return Object.keys(choice.raw).length > 0 ? { ...typed, values: choice.raw } : typed;
}

function build(release: Release, props: VClusterProps): VCluster {
  const chart = new Chart(new App(), 'import');
  return new VCluster(chart, release.name, {
    ...props, ...release, createNamespace: false,
    configSecret: ConfigSecret.plaintextInGit(),
  });
}

/**
 * Where the output would carry credentials in clear: the chart's credential fields, and what the
 * output guard finds beyond them (a password in a URL of an env value), named by values path
 * where the config Secret carries it, else by object location.
 */
function credentialsInClear(reference: VCluster, version: ChartVersion): string[] {
  const config = { object: `Secret/vc-config-${reference.name}`, path: ['data', 'config.yaml'], values: reference.values };
  const inConfig = `${config.object}:${formatPath(config.path)}.`;
  const leaks = findLeaks(reference.apiObjects.map((o) => o.toJson()), { config }).map((f) => f.at);
  const values = [...findCredentials(reference.values, version).map((c) => c.path),
    ...leaks.filter((at) => at.startsWith(inConfig)).map((at) => at.slice(inConfig.length))];
  // An object location only where the same value is not already named by its values path.
  const elsewhere = values.length > 0 ? [] : leaks.filter((at) => !at.startsWith(inConfig));
  return [...new Set([...values, ...elsewhere])];
}

function sameCluster(a: VCluster, b: VCluster): boolean {
  if (!isDeepStrictEqual(a.values, b.values) || a.apiObjects.length !== b.apiObjects.length) return false;
  return a.apiObjects.every((o, i) => o.node.id === b.apiObjects[i].node.id && isDeepStrictEqual(o.toJson(), b.apiObjects[i].toJson()));
}

// -------------------------------------------------------------------------------------------------
// Printing

function printImports(imports: readonly Import[]): string[] {
  const byModule = new Map<string, Set<string>>();
  for (const i of imports) byModule.set(i.module, (byModule.get(i.module) ?? new Set()).add(i.name));
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const caseless = (a: string, b: string) => order(a.toLowerCase(), b.toLowerCase()) || order(a, b);
  return [...byModule.keys()].sort().map((module) => {
    const names = [...byModule.get(module)!].sort(caseless);
    const line = `import { ${names.join(', ')} } from '${module}';`;
    if (line.length <= MAX_LINE) return line;
    return `import {\n  ${names.join(', ')},\n} from '${module}';`;
  });
}

/** Text as comment lines of at most MAX_LINE characters (a word longer than that on a line of its own). */
function commentLines(indent: string, text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && indent.length + 3 + line.length + 1 + word.length > MAX_LINE) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => `${indent}// ${l}`);
}

function printProgram(
  options: ImportOptions & { chartVersion: ChartVersion }, choice: Choice, credentials: readonly string[], refusals: readonly string[],
): string {
  const className = options.className ?? defaultClassName(options.name);
  const typed = choice.props?.code.kind === 'object' ? choice.props.code.entries : [];
  const order = (k: string) => PROP_TABLE.findIndex((d) => d.prop === k);
  const entries: (readonly [string, Code])[] = [];
  if (options.chartVersion !== DEFAULT_CHART_VERSION) entries.push(['chartVersion', literal(options.chartVersion).code]);
  if (options.kubeVersion !== undefined && options.kubeVersion !== DEFAULT_KUBE_VERSION) {
    entries.push(['kubeVersion', literal(options.kubeVersion).code]);
  }
  entries.push(...[...typed].sort((a, b) => order(a[0]) - order(b[0])));

  const indent = '      ';
  const lines = [
    `${indent}namespace: ${quote(options.namespace)},`,
    `${indent}// Like helm, no Namespace object; leave this out to have it created (with ArgoCD sync wave -1).`,
    `${indent}createNamespace: false,`,
    ...(credentials.length > 0 ? [
      ...commentLines(indent, `The values hold credentials in clear (${credentials.join(', ')}): before the output goes to git, ` +
        'choose where they go instead (README, "Secrets and GitOps").'),
      `${indent}configSecret: ConfigSecret.plaintextInGit(),`,
    ] : []),
    ...entries.map(([k, code]) => `${indent}${k}: ${layout(code, indent, indent.length + k.length + 2, 1)},`),
  ];
  if (Object.keys(choice.raw).length > 0) {
    const raw: Expr = literal(choice.raw);
    for (const refusal of refusals) {
      const why = 'vCluster will refuse these values when it starts, so no typed prop takes them (they stay raw below):';
      lines.push(...commentLines(indent, `${why} ${refusal}`));
    }
    lines.push(`${indent}// What the typed props do not express, as vcluster.yaml values (merged over them).`);
    lines.push(`${indent}values: ${layout(raw.code, indent, indent.length + 8, 1)},`);
  }

  const imports: Import[] = [
    ...PROGRAM_IMPORTS,
    ...(credentials.length > 0 ? [{ module: LIBRARY, name: 'ConfigSecret' }] : []),
    ...(choice.props?.imports ?? []),
  ];
  const sources = (options.sources ?? []).map((s) => ` -f ${s.replace(/[\r\n]+/g, ' ')}`).join('');
  const id = quote(options.name);
  return [
    `// Generated by \`cdk8s-vcluster import${sources}\`: the virtual cluster of these values (chart ${options.chartVersion}),`,
    '// with the typed props of cdk8s-vcluster where they give exactly the same values.',
    ...printImports(imports),
    '',
    `export class ${className} extends Chart {`,
    '  public constructor(scope: Construct, id: string) {',
    '    super(scope, id);',
    `    new VCluster(this, ${id}, {`,
    ...lines,
    '    });',
    '  }',
    '}',
    '',
    'const app = new App();',
    `new ${className}(app, ${id});`,
    'app.synth();',
    '',
  ].join('\n');
}
