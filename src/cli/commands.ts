import { CHART_VERSIONS } from '../values/chart-version';

/**
 * A command of `cdk8s-vcluster`: what its help says and how it exits. Adding a command is an
 * entry here, its flags in FLAGS (args.ts) and its runner in main.ts (the compiler asks for it).
 */
export interface CommandInfo {
  /** Its arguments, after `cdk8s-vcluster <command>`. */
  readonly synopsis: string;
  /** One line for the list of commands. */
  readonly summary: string;
  /** What `<command> --help` says before the flags. */
  readonly description: readonly string[];
  /** The exit status of a usage error (an unknown flag, a missing argument). */
  readonly usageStatus: number;
  /** What `<command> --help` says about the exit statuses. */
  readonly exitStatus: string;
}

/** What a command returns: its standard output, written once complete, and its exit status. */
export interface CommandResult {
  readonly stdout: string;
  readonly status: number;
}

const FAILURE = 'when the values are refused (a bad file, invalid values) or the output cannot be written: '
  + 'one line on stderr names the file or key path';

export const COMMANDS = {
  'template': {
    synopsis: '[NAME] [CHART] [flags]',
    summary: 'renders the vCluster chart like `helm template`, without helm',
    description: [
      `Renders the vCluster chart (${CHART_VERSIONS.join(', ')}; --version) like \`helm template NAME CHART\`,`,
      'without helm: the same flags, values semantics and `# Source:` comments, to stdout or --output-dir.',
      '',
      'NAME is the release name (default: "release-name", as helm). CHART names the vCluster chart as',
      'helm users write it: REPO/vcluster (e.g. vcluster/vcluster, loft-sh/vcluster), vcluster (with',
      '--repo URL), oci://REGISTRY/PATH/vcluster[:VERSION], or a URL of vcluster-VERSION.tgz. Other charts',
      'are refused. NAME alone also works (`template vc1`); helm would read a lone argument as CHART.',
      '',
      'Values are layered as helm layers them: the -f files in order, then --set-json, --set,',
      '--set-string, --set-file and --set-literal (each in the order given), later ones winning.',
    ],
    usageStatus: 1,
    exitStatus: `Exit status, as helm template's: 0 on success; 1 on any failure, usage errors included, ${FAILURE}, and nothing is `
      + 'printed or written; also when --show-only matches no rendered template.',
  },
  'import': {
    synopsis: '-f FILE [flags]',
    summary: 'prints a cdk8s app in TypeScript building the same virtual cluster with typed props',
    description: [
      'Prints a cdk8s app in TypeScript (a complete main.ts) that builds the same virtual cluster',
      'with the typed props of the VCluster construct; what they cannot express exactly stays in',
      'its raw `values`. It renders the same objects as `template`.',
    ],
    usageStatus: 2,
    exitStatus: `Exit status: 0 on success; 1 ${FAILURE}, and nothing is printed; 2 on a usage error.`,
  },
  'upgrade-check': {
    synopsis: '[NAME] --from V [--to V] [--to-kube-version K] -f FILE [flags]',
    summary: 'before an upgrade of the chart or host: what it refuses, what changes',
    description: [
      'Before an upgrade: the values --to refuses (each with its fix), then the objects added,',
      'removed and changed (field paths), and whether the control plane rolls. With --to-kube-version,',
      'the host is upgraded too (or alone, without --to): what changes when the host\'s Kubernetes',
      'version does (e.g. from 1.35 the chart grants pods/resize), so that a platform team knows which',
      'tenants to render again.',
    ],
    usageStatus: 2,
    exitStatus: 'Exit status: 0 when --to accepts the values (the report may still list changes); 1 when --to refuses some of them '
      + `(the report lists each, and stderr says how many), or ${FAILURE}; 2 on a usage error.`,
  },
  'check': {
    synopsis: 'NAME -n NS -f FILE [--host FILE]... [--kube-version K] [flags]',
    summary: 'before applying: what the host would refuse (Pod Security, limits, quotas)',
    description: [
      'Renders the virtual cluster as `template` does and checks it against the host namespace, given',
      'as kubectl prints it (--host, repeatable: `kubectl get ns NAMESPACE -o yaml`, `kubectl -n NAMESPACE',
      'get limitrange,resourcequota -o yaml`): every pod against the Pod Security labels (enforce: error;',
      'warn, audit: warning), the LimitRanges\' min, max and ratio, every ResourceQuota (the host\'s and the',
      'chart\'s) against what the virtual cluster takes and what remains for its workloads, and',
      'license-only features. Prints one `error:` or `warning:` line per finding, with the fix.',
      '',
      'Values are read as `template` reads them: the -f files in order, then --set-json, --set,',
      '--set-string, --set-file and --set-literal (each in the order given), later ones winning.',
    ],
    usageStatus: 2,
    exitStatus: 'Exit status: 0 when the host admits everything (warnings may be printed); 1 when it would refuse something '
      + `(an error line for each), or ${FAILURE}; 2 on a usage error.`,
  },
} as const satisfies Readonly<Record<string, CommandInfo>>;

export type Command = keyof typeof COMMANDS;

export const COMMAND_NAMES = Object.keys(COMMANDS) as readonly Command[];

export function isCommand(name: string | undefined): name is Command {
  return name !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, name);
}
