import { parseArgs } from 'util';
import { Command, COMMAND_NAMES, COMMANDS, isCommand } from './commands';
import { CHART_VERSIONS, DEFAULT_CHART_VERSION } from '../values/chart-version';
import { HELM_DEFAULT_KUBE_VERSION } from '../values/kube-version';

/**
 * How a flag takes its value, as Helm's flag library (spf13/pflag) defines it:
 * - `string`: one value, the last one given wins;
 * - `array`: repeatable, each value kept in order (pflag's StringArray);
 * - `slice`: repeatable, and each value also split at commas like a CSV line (pflag's StringSlice);
 * - `boolean`: no value, or `=true`/`=false` (Go's ParseBool spellings);
 * - `optional`: a string whose value can only be given with `=` (`--wait`, `--wait=legacy`).
 */
type FlagType = 'string' | 'array' | 'slice' | 'boolean' | 'optional';

/** What a flag does here. */
type FlagUse =
  /** Takes effect; documented with `help`. */
  | 'effect'
  /** Accepted as `helm template` accepts it; it cannot change what is rendered here (`help` says why). */
  | 'no-op'
  /** Refused with `help` as the reason: honouring it is impossible here. */
  | 'refused';

interface Flag {
  readonly name: string;
  readonly short?: string;
  readonly type: FlagType;
  /** The value's name in the help. */
  readonly value?: string;
  readonly use: FlagUse;
  readonly help: string;
  readonly commands: readonly Command[];
}

const T: readonly Command[] = ['template'];
const I: readonly Command[] = ['import'];
const U: readonly Command[] = ['upgrade-check'];
const C: readonly Command[] = ['check'];
/** `check` reads values exactly as `template` does (values-options.ts). */
const TC: readonly Command[] = [...T, ...C];
/** Flags that say what is rendered: every command takes them. */
const ALL: readonly Command[] = COMMAND_NAMES;

const flag = (name: string, type: FlagType, use: FlagUse, commands: readonly Command[], help: string, more: Partial<Flag> = {}): Flag =>
  ({ name, type, use, commands, help, ...more });

/**
 * Every flag of both commands. `template` takes every flag of `helm template` (Helm v4.1); those
 * that cannot change the output of this chart are accepted without effect, and the few whose
 * meaning cannot be honoured without helm or a cluster are refused, saying why.
 */
export const FLAGS: readonly Flag[] = [
  flag('namespace', 'string', 'effect', ALL, 'host namespace the virtual cluster runs in (default: as helm, see --kubeconfig; else ' +
    '"default")', { short: 'n', value: 'NAMESPACE' }),
  flag('values', 'slice', 'effect', ALL, 'a values file (vcluster.yaml); repeat, or separate with commas, to layer several, later files ' +
    'winning; "-" reads standard input', { short: 'f', value: 'FILE' }),
  flag('set', 'array', 'effect', TC, 'set values: key1=val1,key2=val2; a.b=v, list[0]=v, {x,y} lists, \\ escapes; true/false/null and ' +
    'integers are typed', { value: 'VALUES' }),
  flag('set-string', 'array', 'effect', TC, 'as --set, every value a string', { value: 'VALUES' }),
  flag('set-json', 'array', 'effect', TC, 'as --set with JSON values (key1=jsonval1,key2=jsonval2), or one JSON object', { value: 'VALUES' }),
  flag('set-file', 'array', 'effect', TC, 'as --set, each value the path of a file whose text is the value', { value: 'VALUES' }),
  flag('set-literal', 'array', 'effect', TC, 'set one value verbatim: key=everything up to the end', { value: 'VALUE' }),
  flag('kube-version', 'string', 'effect', ALL, `Kubernetes version of the host cluster (.Capabilities.KubeVersion; default: ` +
    `${HELM_DEFAULT_KUBE_VERSION}, as helm v4.1)`, { value: 'VERSION' }),
  flag('api-versions', 'slice', 'effect', T, 'API versions of the host cluster (.Capabilities.APIVersions); repeat or separate with commas. ' +
    'The chart reads none', { short: 'a', value: 'VERSIONS' }),
  flag('show-only', 'array', 'effect', T, 'print only the manifests of these templates, e.g. templates/statefulset.yaml (globs as helm: ' +
    'templates/etcd-*)', { short: 's', value: 'TEMPLATE' }),
  flag('output-dir', 'string', 'effect', T, "write the manifests to files in helm's layout, DIR/vcluster/templates/<file>.yaml, instead of " +
    "stdout; the folder DIR/vcluster is replaced as a whole", { value: 'DIR' }),
  flag('release-name', 'boolean', 'effect', T, 'with --output-dir: write to DIR/NAME/vcluster/templates'),
  flag('version', 'string', 'effect', ['template', 'import', 'check'], `the chart version: ${CHART_VERSIONS.join(', ')} (default: ` +
    `${DEFAULT_CHART_VERSION}, the newest stable one)`, { value: 'VERSION' }),
  flag('devel', 'boolean', 'effect', T, `without --version, the newest version, pre-releases included ` +
    `(${CHART_VERSIONS[CHART_VERSIONS.length - 1]})`),
  flag('repo', 'string', 'effect', T, 'the chart repository URL (e.g. https://charts.loft.sh), with the CHART vcluster', { value: 'URL' }),
  flag('no-hooks', 'boolean', 'effect', T, 'leave out hook manifests (objects annotated helm.sh/hook; the chart has none of its own)'),
  flag('skip-tests', 'boolean', 'effect', T, 'leave out test hooks (helm.sh/hook: test)'),
  flag('generate-name', 'boolean', 'effect', T, "as helm template: the release is named \"release-name\"; refused together with NAME",
    { short: 'g' }),
  flag('name', 'string', 'effect', I, 'release name: names the virtual cluster and its objects (default: "release-name", as ' +
    'helm)', { value: 'NAME' }),
  flag('class-name', 'string', 'effect', I, 'name of the generated Chart class (default: from the name, e.g. "Vc1Chart" for vc1)',
    { value: 'CLASS' }),
  flag('kubeconfig', 'string', 'effect', ALL, 'without -n, the namespace is that of the kubeconfig context, as helm takes it (also ' +
    '$HELM_NAMESPACE, $KUBECONFIG, ~/.kube/config); nothing is contacted', { value: 'FILE' }),
  flag('kube-context', 'string', 'effect', ALL, 'the kubeconfig context for that (also $HELM_KUBECONTEXT; default: the current ' +
    'context)', { value: 'CONTEXT' }),
  flag('help', 'boolean', 'effect', ALL, 'show this help', { short: 'h' }),
  flag('from', 'string', 'effect', U, `the chart version the release runs now (${CHART_VERSIONS.join(', ')})`, { value: 'VERSION' }),
  flag('to', 'string', 'effect', U, 'the chart version to upgrade to', { value: 'VERSION' }),
  flag('to-kube-version', 'string', 'effect', U, 'the host\'s Kubernetes version after its upgrade (default: --kube-version, the host is ' +
    'not upgraded)', { value: 'VERSION' }),
  flag('output', 'string', 'effect', [...U, ...C], 'text (default) or json, for CI', { short: 'o', value: 'FORMAT' }),
  flag('host', 'array', 'effect', C, 'the host namespace\'s objects as kubectl prints them (Namespace, LimitRanges, ResourceQuotas; a List ' +
    'or several documents); repeat for several files', { value: 'FILE' }),

  // No effect on what helm template prints for this chart.
  ...['include-crds', 'skip-crds'].map((n) => flag(n, 'boolean', 'no-op', T, 'the chart has no CRDs')),
  flag('is-upgrade', 'boolean', 'no-op', T, 'the chart never reads .Release.IsUpgrade'),
  flag('create-namespace', 'boolean', 'no-op', T, 'helm template prints no Namespace either'),
  
  ...['dependency-update', 'render-subchart-notes'].map((n) => flag(n, 'boolean', 'no-op', T, 'the chart has no dependencies')),
  flag('enable-dns', 'boolean', 'no-op', T, 'the chart makes no DNS lookups'),
  flag('dry-run', 'optional', 'no-op', T, 'helm template renders client-side; "server" (needs a cluster) is refused', { value: 'client' }),
  ...['atomic', 'disable-openapi-validation', 'force', 'force-conflicts', 'force-replace', 'hide-notes', 'replace', 'rollback-on-failure',
    'server-side', 'take-ownership', 'wait-for-jobs'].map((n) => flag(n, 'boolean', 'no-op', T, 'only installing acts on it')),
  ...['description', 'timeout'].map((n) => flag(n, 'string', 'no-op', T, 'only installing acts on it', { value: 'VALUE' })),
  flag('wait', 'optional', 'no-op', T, 'only installing acts on it', { value: 'VALUE' }),
  flag('labels', 'string', 'no-op', T, 'release metadata, not the objects', { short: 'l', value: 'VALUE' }),
  ...['ca-file', 'cert-file', 'key-file', 'keyring', 'username', 'password'].map((n) => flag(n, 'string', 'no-op', T,
    'nothing is downloaded', { value: 'VALUE' })),
  ...['insecure-skip-tls-verify', 'pass-credentials', 'plain-http', 'verify'].map((n) => flag(n, 'boolean', 'no-op', T, 'nothing is downloaded')),
  ...['burst-limit', 'color', 'colour', 'content-cache', 'kube-apiserver', 'kube-as-user', 'kube-ca-file', 'kube-tls-server-name',
    'kube-token', 'qps', 'registry-config', 'repository-cache', 'repository-config'].map((n) => flag(n, 'string', 'no-op', T,
      'no cluster or repository is contacted', { value: 'VALUE' })),
  flag('kube-as-group', 'array', 'no-op', T, 'no cluster is contacted', { value: 'VALUE' }),
  ...['debug', 'kube-insecure-skip-tls-verify'].map((n) => flag(n, 'boolean', 'no-op', T, 'no cluster is contacted')),

  // Impossible to honour here.
  flag('post-renderer', 'string', 'refused', T, 'post-renderers are helm plugins; pipe the output through the tool instead', { value: 'VALUE' }),
  flag('post-renderer-args', 'array', 'refused', T, 'post-renderers are helm plugins; pipe the output through the tool instead', { value: 'VALUE' }),
  flag('skip-schema-validation', 'boolean', 'refused', T, "values are always validated against the chart's schema"),
  flag('name-template', 'string', 'refused', T, 'give the release name as NAME', { value: 'VALUE' }),
  flag('validate', 'boolean', 'refused', T, 'validating against a cluster needs helm and the cluster'),
];

/** A usage error: the message names the flag or argument and the fix. */
export class UsageError extends Error {}

/** A parsed command line: each flag given with its values in order (booleans as "true"/"false"). */
export interface ParsedArgs {
  /** `help` for --help, `version` for --version (before any command). */
  readonly command: Command | 'help' | 'version';
  /** With `help`: the command whose help is asked for. @default - none: the list of commands */
  readonly topic?: Command;
  readonly positionals: readonly string[];
  /** By flag name; repeated and comma-split values in the order given. */
  readonly flags: ReadonlyMap<string, readonly string[]>;
}

/** Go's strconv.ParseBool. */
const GO_BOOLEANS: Readonly<Record<string, boolean>> = {
  '1': true, 't': true, 'T': true, 'TRUE': true, 'true': true, 'True': true,
  '0': false, 'f': false, 'F': false, 'FALSE': false, 'false': false, 'False': false,
};

/**
 * Reads the command line with Node's util.parseArgs (long and short flags, `--flag=value`,
 * `-nvc1`, grouped short booleans, `--`), then applies what pflag does beyond it: `-n=vc1`,
 * `--bool=false`, comma-separated lists, and values given only after `=`. Throws UsageError.
 */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  const none = new Map<string, string[]>();
  if (argv.length === 0) return { command: 'help', positionals: [], flags: none };
  const [given, ...rest] = argv;
  if (given === '--version' || given === 'version') {
    if (rest.length > 0) throw new UsageError(`${given} takes no arguments, got ${rest.join(' ')}`);
    return { command: 'version', positionals: [], flags: none };
  }
  if (given === '-h' || given === '--help' || given === 'help') {
    if (rest.length === 0) return { command: 'help', positionals: [], flags: none };
    if (rest.length === 1 && isCommand(rest[0])) return { command: 'help', topic: rest[0], positionals: [], flags: none };
    throw new UsageError(`${given} takes at most one argument, a command (${COMMAND_NAMES.map((c) => `"${c}"`).join(', ')}); got ${rest.join(' ')}`);
  }
  if (!isCommand(given)) {
    throw new UsageError(`unknown command "${given}"; the commands are ${COMMAND_NAMES.map((c) => `"${c}"`).join(', ')}`);
  }
  const command = given;
  const known = FLAGS.filter((f) => f.commands.includes(command));
  const byShort = new Map(known.filter((f) => f.short).map((f) => [f.short!, f]));
  const byName = new Map(known.map((f) => [f.name, f]));
  const takesValue = (f: Flag | undefined) => f !== undefined && f.type !== 'boolean' && f.type !== 'optional';
  // pflag reads `-n=vc1` as the value "vc1", where parseArgs would keep the "=": rewritten as
  // --namespace=vc1, except after "--" and where the argument is the value of the flag before.
  const args: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--') {
      args.push(...rest.slice(i));
      break;
    }
    const m = /^-([A-Za-z])=([\s\S]+)$/.exec(a);
    const f = m ? byShort.get(m[1]) : undefined;
    args.push(f ? `--${f.name}=${m![2]}` : a);
    const long = /^--([^=]+)$/.exec(a);
    const group = /^-([A-Za-z]+)$/.exec(a);
    const valueNext = long ? takesValue(byName.get(long[1]))
      : group ? takesValue(byShort.get(group[1].slice(-1))) && [...group[1].slice(0, -1)].every((c) => byShort.get(c)?.type === 'boolean') : false;
    if (valueNext && i + 1 < rest.length) args.push(rest[++i]);
  }
  const options = Object.fromEntries(known.map((f) => [f.name, {
    type: f.type === 'boolean' || f.type === 'optional' ? 'boolean' as const : 'string' as const,
    multiple: true,
    ...(f.short ? { short: f.short } : {}),
  }]));
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const flags = new Map<string, string[]>();
  const positionals: string[] = [];
  for (const token of tokens ?? []) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const f = byName.get(token.name);
    if (!f) {
      const elsewhere = FLAGS.find((x) => x.name === token.name || x.short === token.name);
      throw new UsageError(elsewhere
        ? `${token.rawName} is a flag of ${elsewhere.commands.join(' and ')}, not of ${command}`
        : `unknown flag ${token.rawName}`);
    }
    if (f.use === 'refused') throw new UsageError(`${token.rawName} is not supported: ${f.help}`);
    const values = flags.get(f.name) ?? [];
    flags.set(f.name, values);
    values.push(...flagValues(f, token.rawName, token.value));
  }
  if (flags.has('help') && flags.get('help')!.at(-1) === 'true') return { command: 'help', topic: command, positionals, flags };
  return { command, positionals, flags };
}

function flagValues(f: Flag, raw: string, value: string | undefined): string[] {
  if (f.type === 'boolean' || f.type === 'optional') {
    if (value === undefined) return ['true'];
    if (f.type === 'optional') return [value];
    const b = GO_BOOLEANS[value];
    if (b === undefined) throw new UsageError(`invalid argument "${value}" for "${raw}" flag: give true or false`);
    return [String(b)];
  }
  if (value === undefined) throw new UsageError(`${raw} needs a value${f.value ? `: ${raw} ${f.value}` : ''}`);
  return f.type === 'slice' ? splitCsv(value, raw) : [value];
}

/** One line of CSV as Go's encoding/csv reads it (how pflag splits StringSlice values). */
function splitCsv(line: string, raw: string): string[] {
  if (line === '') return [];
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new UsageError(`${raw} ${line}: a quoted value has no closing quote`);
        field += line.slice(i, q);
        i = q + 1;
        if (line[i] === '"') {
          field += '"';
          i++;
          continue;
        }
        break;
      }
      if (i < line.length && line[i] !== ',') throw new UsageError(`${raw} ${line}: unexpected text after a quoted value`);
    } else {
      const comma = line.indexOf(',', i);
      field = line.slice(i, comma < 0 ? line.length : comma);
      if (field.includes('"')) throw new UsageError(`${raw} ${line}: a quote inside a value needs the whole value quoted`);
      i = comma < 0 ? line.length : comma;
    }
    out.push(field);
    if (i >= line.length) return out;
    i++; // the comma
  }
}

/** The last value of a string flag, or undefined. */
export function lastValue(args: ParsedArgs, name: string): string | undefined {
  return args.flags.get(name)?.at(-1);
}

/** Whether a boolean flag is set (its last value is true). */
export function isSet(args: ParsedArgs, name: string): boolean {
  return lastValue(args, name) === 'true';
}

/** All values of a repeatable flag, in order. */
export function allValues(args: ParsedArgs, name: string): readonly string[] {
  return args.flags.get(name) ?? [];
}

/** The help: the list of commands, or with a command its own help, generated from COMMANDS and FLAGS. */
export function usage(topic?: Command): string {
  return topic === undefined ? overview() : commandHelp(topic);
}

function overview(): string {
  const width = Math.max(...COMMAND_NAMES.map((c) => c.length)) + 2;
  return [
    'Usage: cdk8s-vcluster <command> [flags]',
    '',
    'Commands:',
    ...COMMAND_NAMES.map((c) => `  ${c.padEnd(width)}${COMMANDS[c].summary}`),
    `  ${'version'.padEnd(width)}prints the version of cdk8s-vcluster (also --version)`,
    '',
    'Run "cdk8s-vcluster <command> --help" (or "help <command>") for its flags and exit status.',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const info = COMMANDS[command];
  const line = (f: Flag) => {
    const names = `${f.short ? `-${f.short}, ` : '    '}--${f.name}${f.value ? ` ${f.value}` : ''}`;
    return wrap(`  ${names.padEnd(30)}${f.help}`, 32);
  };
  const own = FLAGS.filter((f) => f.commands.includes(command));
  const grouped = new Map<string, string[]>();
  for (const f of own.filter((x) => x.use === 'no-op')) {
    const value = f.type === 'optional' ? `[=${f.value}]` : f.value ? ` ${f.value}` : '';
    grouped.set(f.help, [...(grouped.get(f.help) ?? []), `${f.short ? `-${f.short}/` : ''}--${f.name}${value}`]);
  }
  const refused = own.filter((f) => f.use === 'refused');
  return [
    `Usage: cdk8s-vcluster ${command} ${info.synopsis}`,
    '',
    ...info.description,
    '',
    'Flags:',
    ...own.filter((f) => f.use === 'effect' && f.name !== 'help').map(line),
    line(FLAGS.find((f) => f.name === 'help')!),
    ...(grouped.size > 0
      ? ['', 'Accepted as helm template accepts them, without effect ' +
        'here:', ...[...grouped].map(([why, names]) => wrap(`  ${names.join(', ')}: ${why}`, 4))]
      : []),
    ...(refused.length > 0 ? ['', 'Refused, as cdk8s-vcluster cannot honour them:', ...refused.map((f) => wrap(`  --${f.name}: ${f.help}`, 4))] : []),
    '',
    'Flags take their values as helm does: --namespace vc1, --namespace=vc1, -n vc1, -nvc1, -n=vc1;',
    'booleans also as --flag=false.',
    '',
    wrap(info.exitStatus, 0),
    'When stdout is closed early (`| head`), the command ends quietly, killed by SIGPIPE as helm is.',
  ].join('\n');
}

/** Wraps at 100 columns, continuing lines indented by `indent`. */
function wrap(text: string, indent: number): string {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/(?<=\S) (?=\S)/)) {
    if (current !== '' && current.length + 1 + word.length > 100) {
      lines.push(current);
      current = ' '.repeat(indent) + word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  lines.push(current);
  return lines.join('\n');
}
