import { allValues, lastValue, ParsedArgs, UsageError } from './args';
import { CliIo } from './io';
import { helmNamespace } from './namespace';
import { userValues } from './values-options';
import { defaultClassName, importValues, RESERVED_NAMES } from '../import/program';
import { ValueMap } from '../values/value-map';
import { HELM_DEFAULT_KUBE_VERSION } from '../values/kube-version';
import { ChartVersion } from '../values/chart-version';
import { resolveChart } from './chart-ref';

/** What `cdk8s-vcluster import` writes a program for. */
export interface ImportCommandOptions {
  /** The release name. */
  readonly name: string;
  readonly namespace: string;
  readonly kubeVersion?: string;
  /** The chart version the program renders. @default DEFAULT_CHART_VERSION */
  readonly chartVersion?: ChartVersion;
  /** The chart class's name. @default - from the release name, e.g. "Vc1Chart" */
  readonly className?: string;
  readonly values: readonly ValueMap[];
  /** The values files as given on the command line, for the program's header. */
  readonly sources: readonly string[];
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const KEYWORDS = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'as',
  'implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'yield', 'await',
  'any', 'boolean', 'number', 'string', 'symbol', 'type', 'undefined', 'never', 'unknown', 'object',
]);

/** Why a class name cannot be used in the generated program, or undefined when it can. */
export function classNameProblem(name: string): string | undefined {
  if (!IDENTIFIER.test(name) || KEYWORDS.has(name)) return `--class-name "${name}" is not a TypeScript class name; give e.g. "Vc1Chart"`;
  if (RESERVED_NAMES.has(name)) return `--class-name "${name}" clashes with a name the generated program imports; give e.g. "${name}Chart"`;
  return undefined;
}

/**
 * The TypeScript program of `cdk8s-vcluster import`: a cdk8s app whose chart builds the same
 * virtual cluster as the values, with the typed props of the VCluster construct where they give
 * exactly the same values and raw `values` for the rest. Throws for values `template` refuses.
 */
export function renderImport(options: ImportCommandOptions): string {
  return importValues({
    name: options.name,
    namespace: options.namespace,
    kubeVersion: options.kubeVersion,
    chartVersion: options.chartVersion,
    className: options.className ?? defaultClassName(options.name),
    values: options.values,
    sources: options.sources,
  }).program;
}

/**
 * `cdk8s-vcluster import -f FILE`: the program for the values files, for the release and host
 * as `template` renders them by default (helm's namespace and Kubernetes version), so that the
 * program renders what `template` renders for the same command line.
 */
export function importCommand(args: ParsedArgs, io: CliIo): string {
  if (args.positionals.length > 0) {
    throw new UsageError(`import takes no arguments besides flags, got ${args.positionals.join(' ')}; give the release name with --name`);
  }
  const files = allValues(args, 'values');
  if (files.length === 0) throw new UsageError('import needs a values file: -f FILE');
  const className = lastValue(args, 'class-name');
  const problem = className === undefined ? undefined : classNameProblem(className);
  if (problem) throw new UsageError(problem);
  const chartVersion = resolveChart({ version: lastValue(args, 'version'), exists: () => false });
  return renderImport({
    name: lastValue(args, 'name') ?? 'release-name',
    namespace: helmNamespace(
      { namespace: lastValue(args, 'namespace'), kubeconfig: lastValue(args, 'kubeconfig'), kubeContext: lastValue(args, 'kube-context') },
      io,
    ),
    kubeVersion: lastValue(args, 'kube-version') ?? HELM_DEFAULT_KUBE_VERSION,
    chartVersion,
    className,
    values: [userValues(args, io)],
    sources: files,
  });
}
