import { lastValue, ParsedArgs, UsageError } from './args';
import { CommandResult } from './commands';
import { CliIo } from './io';
import { helmNamespace } from './namespace';
import { userValues } from './values-options';
import { formatUpgradeCheck, upgradeCheck } from '../upgrade-check';
import { CHART_VERSIONS, ChartVersion, isChartVersion } from '../values/chart-version';
import { HELM_DEFAULT_KUBE_VERSION } from '../values/kube-version';

/**
 * `cdk8s-vcluster upgrade-check [NAME] --from A --to B -f values.yaml [--output json]`: the
 * report of `upgradeCheck`, for the release and host as `template` renders them by default. The
 * status is 1 when the target version refuses some of the values, so that CI can gate on it.
 */
export function upgradeCheckCommand(args: ParsedArgs, io: CliIo): CommandResult {
  if (args.positionals.length > 1) throw new UsageError(`upgrade-check takes at most one argument, the release name; got ` +
    `${args.positionals.join(' ')}`);
  const toKubeVersion = lastValue(args, 'to-kube-version');
  const version = (flag: 'from' | 'to'): ChartVersion | undefined => {
    const v = lastValue(args, flag);
    // The host alone may be upgraded: then --to is the version the release runs.
    if (v === undefined && flag === 'to' && toKubeVersion !== undefined) return undefined;
    if (v === undefined) throw new UsageError(`upgrade-check needs --${flag} VERSION, one of ` +
      `${CHART_VERSIONS.join(', ')}${flag === 'to' ? ', or --to-kube-version VERSION' : ''}`);
    if (!isChartVersion(v)) throw new UsageError(`--${flag} ${v} is not a chart version rendered here; give one of ${CHART_VERSIONS.join(', ')}`);
    return v;
  };
  const output = lastValue(args, 'output') ?? 'text';
  if (output !== 'text' && output !== 'json') throw new UsageError(`--output ${output}: give text or json`);
  const result = upgradeCheck({
    from: version('from')!,
    to: version('to'),
    name: args.positionals[0] ?? 'release-name',
    namespace: helmNamespace(
      { namespace: lastValue(args, 'namespace'), kubeconfig: lastValue(args, 'kubeconfig'), kubeContext: lastValue(args, 'kube-context') },
      io,
    ),
    kubeVersion: lastValue(args, 'kube-version') ?? HELM_DEFAULT_KUBE_VERSION,
    toKubeVersion,
    values: [userValues(args, io)],
  });
  const refused = result.refused.length;
  if (refused > 0) {
    io.stderr(`Error: chart version ${result.to} refuses ${refused} value${refused === 1 ? '' : 's'} (listed in the report, each with its fix)\n`);
  }
  return { stdout: output === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatUpgradeCheck(result), status: refused > 0 ? 1 : 0 };
}
