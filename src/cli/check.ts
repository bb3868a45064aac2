import { lastValue, allValues, ParsedArgs, UsageError } from './args';
import { CommandResult } from './commands';
import { CliIo } from './io';
import { helmNamespace } from './namespace';
import { readInput, sourceName, userValues } from './values-options';
import { renderChart } from '../pipeline';
import { formatFinding } from '../preflight/finding';
import { hostObjectsFromYaml } from '../preflight/host';
import { CHART_VERSIONS, DEFAULT_CHART_VERSION, isChartVersion } from '../values/chart-version';
import { HELM_DEFAULT_KUBE_VERSION } from '../values/kube-version';
import { strictUtf8 } from '../yaml/values-yaml';

/**
 * `cdk8s-vcluster check NAME -n NS -f values.yaml [--version V] [--kube-version K] [--host FILE]...`:
 * the pre-flight of the rendered virtual cluster against the host namespace. One `error:` or
 * `warning:` line per finding (or JSON); status 1 when the host would refuse something.
 */
export function checkCommand(args: ParsedArgs, io: CliIo): CommandResult {
  if (args.positionals.length !== 1) {
    throw new UsageError(`check takes one argument, the release name; got ${args.positionals.length === 0 ? 'none' : args.positionals.join(' ')}`);
  }
  const chartVersion = lastValue(args, 'version') ?? DEFAULT_CHART_VERSION;
  if (!isChartVersion(chartVersion)) throw new UsageError(`--version ${chartVersion} is not a chart version rendered here; give one of ` +
    `${CHART_VERSIONS.join(', ')}`);
  const output = lastValue(args, 'output') ?? 'text';
  if (output !== 'text' && output !== 'json') throw new UsageError(`--output ${output}: give text or json`);
  const hostFiles = allValues(args, 'host');
  const objects = hostFiles.flatMap((file) => hostObjectsFromYaml(strictUtf8(readInput(file, 'host file', io), sourceName(file)), sourceName(file)));
  const name = args.positionals[0];
  const namespace = helmNamespace(
    { namespace: lastValue(args, 'namespace'), kubeconfig: lastValue(args, 'kubeconfig'), kubeContext: lastValue(args, 'kube-context') },
    io,
  );
  const kubeVersion = lastValue(args, 'kube-version') ?? HELM_DEFAULT_KUBE_VERSION;
  const { findings } = renderChart({
    name, namespace, chartVersion, kubeVersion, values: [userValues(args, io)], host: hostFiles.length > 0 ? { objects } : undefined,
  });
  const refused = findings.some((f) => f.severity === 'error');
  if (output === 'json') {
    return { stdout: `${JSON.stringify({ release: name, namespace, chartVersion, kubeVersion, findings }, null, 2)}\n`, status: refused ? 1 : 0 };
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const summary = findings.length === 0
    ? `The host admits the virtual cluster ${name}: no ` +
      `findings${hostFiles.length === 0 ? ' (without --host, only the chart\'s own quota and limit range are checked)' : ''}.`
    : `${errors} error${errors === 1 ? '' : 's'}, ${findings.length - errors} warning${findings.length - errors === 1 ? '' : 's'}.`;
  return { stdout: [...findings.map(formatFinding), summary, ''].join('\n'), status: refused ? 1 : 0 };
}
