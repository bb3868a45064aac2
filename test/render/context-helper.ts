import { chartData, ChartVersion, DEFAULT_CHART_VERSION } from '../../src/values/chart-version';
import { RenderContext } from '../../src/render/context';
import { ValueMap } from '../../src/values/value-map';
import { coalesceValues } from '../../src/values/coalesce';
import { parseKubeVersion } from '../../src/values/kube-version';

export interface ContextOptions {
  readonly name?: string;
  readonly namespace?: string;
  readonly kubeVersion?: string;
  /** @default DEFAULT_CHART_VERSION */
  readonly chartVersion?: ChartVersion;
}

/** A render context as the pipeline builds it: partial user values coalesced with the chart defaults. */
export function contextFor(user: ValueMap = {}, options: ContextOptions = {}): RenderContext {
  const chartVersion = options.chartVersion ?? DEFAULT_CHART_VERSION;
  return {
    values: coalesceValues(chartData(chartVersion).defaults as ValueMap, user),
    release: { name: options.name ?? 'vc1', namespace: options.namespace ?? 'team-a' },
    kubeVersion: parseKubeVersion(options.kubeVersion ?? '1.33.1'),
    chartVersion,
  };
}
