import { CHART_DEFAULTS, CHART_VERSION } from '../../imports/0.36.1/chart-defaults';
import { RenderContext } from '../../src/render/context';
import { ValueMap } from '../../src/values/value-map';
import { coalesceValues } from '../../src/values/coalesce';
import { parseKubeVersion } from '../../src/values/kube-version';

export interface ContextOptions {
  readonly name?: string;
  readonly namespace?: string;
  readonly kubeVersion?: string;
}

/** A render context as the pipeline builds it: partial user values coalesced with the chart defaults. */
export function contextFor(user: ValueMap = {}, options: ContextOptions = {}): RenderContext {
  return {
    values: coalesceValues(CHART_DEFAULTS as ValueMap, user),
    release: { name: options.name ?? 'vc1', namespace: options.namespace ?? 'team-a' },
    kubeVersion: parseKubeVersion(options.kubeVersion ?? '1.33.1'),
    chartVersion: CHART_VERSION,
  };
}
