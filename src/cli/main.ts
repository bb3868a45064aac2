#!/usr/bin/env node
import { readFileSync } from 'fs';
import { renderTemplate } from './template';
import { ValueMap } from '../render/go-template';
import { parseValuesYaml } from '../values/values-yaml';

const USAGE = `Usage: cdk8s-vcluster template NAME [options]

Renders the vCluster chart 0.36.1 for the given values and prints the manifests to stdout,
like \`helm template NAME vcluster/vcluster\`, without helm.

Options:
  -n, --namespace NAMESPACE   host namespace the virtual cluster runs in (default: "default", as helm)
  -f, --values FILE           a vcluster.yaml values file; repeat to layer several, later files win
                              ("-" reads standard input)
      --kube-version VERSION  Kubernetes version of the host cluster (default: 1.33.1)
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
  name: string;
  namespace: string;
  kubeVersion?: string;
  files: string[];
}

function parseArgs(argv: readonly string[]): TemplateArgs | 'help' {
  if (argv.length === 0 || argv.includes('-h') || argv.includes('--help')) return 'help';
  const [command, ...rest] = argv;
  if (command !== 'template') throw new UsageError(`unknown command "${command}"; the command is "template"`);
  const args: TemplateArgs = { name: '', namespace: 'default', files: [] };
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
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        positional.push(arg);
    }
  }
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? 'NAME is required' : `expected one NAME, got ${positional.join(' ')}`);
  args.name = positional[0];
  return args;
}

/** Runs the command line; returns the exit status. Output goes only through `io`. */
export function runCli(argv: readonly string[], io: CliIo): number {
  let args: TemplateArgs | 'help';
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
    const values: ValueMap[] = args.files.map((f) => {
      const source = f === '-' ? '<stdin>' : f;
      let text: string;
      try {
        text = io.readFile(f === '-' ? '/dev/stdin' : f);
      } catch (e) {
        throw new Error(`${source}: cannot read values file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
      return parseValuesYaml(text, source);
    });
    const out = renderTemplate({ name: args.name, namespace: args.namespace, kubeVersion: args.kubeVersion, values });
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
