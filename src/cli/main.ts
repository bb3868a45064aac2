#!/usr/bin/env node
import { readFileSync } from 'fs';
import { classNameProblem, renderImport } from './import';
import { renderTemplate } from './template';
import { ValueMap } from '../values/value-map';
import { parseValuesYaml } from '../yaml/values-yaml';

const USAGE = `Usage: cdk8s-vcluster template NAME [options]
       cdk8s-vcluster import -f FILE [options]

template  Renders the vCluster chart 0.36.1 for the given values and prints the manifests to
          stdout, like \`helm template NAME vcluster/vcluster\`, without helm.
import    Prints a cdk8s app in TypeScript (a complete main.ts) that builds the same virtual
          cluster with the typed props of the VCluster construct; what they cannot express
          exactly stays in its raw \`values\`. It renders the same objects as \`template\`.

Options of template:
  -n, --namespace NAMESPACE   host namespace the virtual cluster runs in (default: "default", as helm)
  -f, --values FILE           a vcluster.yaml values file; repeat to layer several, later files win
                              ("-" reads standard input)
      --kube-version VERSION  Kubernetes version of the host cluster (default: 1.33.1)

Options of import:
  -f, --values FILE           a vcluster.yaml values file (at least one); repeat to layer several,
                              later files win ("-" reads standard input)
      --name NAME             release name: names the virtual cluster and its objects
                              (default: "release-name", as helm)
  -n, --namespace NAMESPACE   host namespace the virtual cluster runs in (default: "default", as helm)
      --kube-version VERSION  Kubernetes version of the host cluster (default: 1.33.1)
      --class-name CLASS      name of the generated Chart class (default: from the name, e.g.
                              "Vc1Chart" for vc1)

  -h, --help                  show this help

Exit status: 0 on success; 1 when the values are refused (one line on stderr names the file or
key path); 2 on a usage error.`;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => string;
}

class UsageError extends Error {}

interface TemplateArgs {
  command: 'template';
  name: string;
  namespace: string;
  kubeVersion?: string;
  files: string[];
}

interface ImportArgs {
  command: 'import';
  name: string;
  namespace: string;
  kubeVersion?: string;
  className?: string;
  files: string[];
}

/** helm's names when none are given. */
const DEFAULT_RELEASE_NAME = 'release-name';
const DEFAULT_NAMESPACE = 'default';

function parseArgs(argv: readonly string[]): TemplateArgs | ImportArgs | 'help' {
  if (argv.length === 0 || argv.includes('-h') || argv.includes('--help')) return 'help';
  const [command, ...rest] = argv;
  if (command !== 'template' && command !== 'import') {
    throw new UsageError(`unknown command "${command}"; the commands are "template" and "import"`);
  }
  const args: TemplateArgs | ImportArgs = command === 'template'
    ? { command, name: '', namespace: DEFAULT_NAMESPACE, files: [] }
    : { command, name: DEFAULT_RELEASE_NAME, namespace: DEFAULT_NAMESPACE, files: [] };
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '-n':
      case '--namespace':
        args.namespace = value();
        break;
      case '-f':
      case '--values':
        args.files.push(value());
        break;
      case '--kube-version':
        args.kubeVersion = value();
        break;
      case '--name':
      case '--class-name':
        if (args.command !== 'import') throw new UsageError(`unknown option ${arg}`);
        if (flag === '--name') args.name = value();
        else args.className = value();
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        positional.push(arg);
    }
  }
  if (args.command === 'import') {
    if (positional.length > 0) throw new UsageError(`import takes no arguments besides options, got ${positional.join(' ')}; give the release name with --name`);
    if (args.files.length === 0) throw new UsageError('import needs a values file: -f FILE');
    const problem = args.className === undefined ? undefined : classNameProblem(args.className);
    if (problem) throw new UsageError(problem);
    return args;
  }
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? 'NAME is required' : `expected one NAME, got ${positional.join(' ')}`);
  args.name = positional[0];
  return args;
}

/** Reads and parses the values files; errors name the file. */
function readValues(files: readonly string[], io: CliIo): ValueMap[] {
  return files.map((f) => {
    const source = f === '-' ? '<stdin>' : f;
    let text: string;
    try {
      text = io.readFile(f === '-' ? '/dev/stdin' : f);
    } catch (e) {
      throw new Error(`${source}: cannot read values file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    return parseValuesYaml(text, source);
  });
}

/** Runs the command line; returns the exit status. Output goes only through `io`. */
export function runCli(argv: readonly string[], io: CliIo): number {
  let args: TemplateArgs | ImportArgs | 'help';
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.stderr(`Error: ${(e as Error).message}\nRun "cdk8s-vcluster --help" for usage.\n`);
    return 2;
  }
  if (args === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  try {
    const values = readValues(args.files, io);
    const out = args.command === 'template'
      ? renderTemplate({ name: args.name, namespace: args.namespace, kubeVersion: args.kubeVersion, values })
      : renderImport({
        name: args.name,
        namespace: args.namespace,
        kubeVersion: args.kubeVersion,
        className: args.className,
        values,
        sources: args.files,
      });
    io.stdout(out);
    return 0;
  } catch (e) {
    io.stderr(`Error: ${(e as Error).message.split('\n').join('; ')}\n`);
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readFile: (p) => readFileSync(p, 'utf8'),
  });
}
