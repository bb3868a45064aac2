import { Size } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-31';
import { Policies } from '../../imports/chart-versions';
import { cpuMillis, cpuQuantity, sizeKibibytes, sizeQuantity } from './quantities';
import { ValueMap } from '../values/value-map';
import { fail } from './validation';

/** Amounts of a LimitRange for one container. */
export interface LimitRangeResources {
  /**
   * CPU.
   * @default - the chart's for `default` (1) and `defaultRequest` (100m), none for `min` and `max`
   */
  readonly cpu?: Cpu;

  /**
   * Memory.
   * @default - the chart's for `default` (512Mi) and `defaultRequest` (128Mi), none for `min` and `max`
   */
  readonly memory?: Size;

  /**
   * Ephemeral storage.
   * @default - the chart's for `default` (8Gi) and `defaultRequest` (3Gi), none for `min` and `max`
   */
  readonly ephemeralStorage?: Size;
}

/**
 * The LimitRange of the virtual cluster's host namespace (vcluster.yaml `policies.limitRange`):
 * the requests and limits of containers that give none, and the bounds of those that do.
 */
export interface LimitRangeOptions {
  /**
   * Whether the LimitRange exists.
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Limits of containers that set none, merged over the chart's.
   * @default - the chart's: 1 CPU, 512Mi memory, 8Gi ephemeral storage
   */
  readonly default?: LimitRangeResources;

  /**
   * Requests of containers that set none, merged over the chart's.
   * @default - the chart's: 100m CPU, 128Mi memory, 3Gi ephemeral storage
   */
  readonly defaultRequest?: LimitRangeResources;

  /**
   * The least a container may request.
   * @default - no minimum
   */
  readonly min?: LimitRangeResources;

  /**
   * The most a container may limit itself to.
   * @default - no maximum
   */
  readonly max?: LimitRangeResources;

  /**
   * Labels of the LimitRange.
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };

  /**
   * Annotations of the LimitRange.
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };
}

function amounts(prop: string, r: LimitRangeResources | undefined): ValueMap | undefined {
  if (r === undefined) return undefined;
  return {
    'cpu': r.cpu && cpuQuantity(`${prop}.cpu`, r.cpu),
    'memory': r.memory && sizeQuantity(`${prop}.memory`, r.memory),
    'ephemeral-storage': r.ephemeralStorage && sizeQuantity(`${prop}.ephemeralStorage`, r.ephemeralStorage),
  };
}

/** A lower bound above its upper bound leaves no container admissible: refused where both are given. */
function checkOrder(
  prop: string,
  lowName: string,
  low: LimitRangeResources | undefined,
  highName: string,
  high: LimitRangeResources | undefined,
): void {
  if (!low || !high) return;
  if (low.cpu && high.cpu && cpuMillis(low.cpu) > cpuMillis(high.cpu)) {
    fail(`${prop}.${lowName}.cpu`, low.cpu.amount, `must not exceed ${highName}.cpu (${high.cpu.amount}).`);
  }
  for (const name of ['memory', 'ephemeralStorage'] as const) {
    const l = low[name];
    const h = high[name];
    if (l && h && sizeKibibytes(l) > sizeKibibytes(h)) {
      fail(`${prop}.${lowName}.${name}`, l.asString(), `must not exceed ${highName}.${name} (${h.asString()}).`);
    }
  }
}

export function limitRangeValues(lr: LimitRangeOptions | undefined): Policies['limitRange'] | undefined {
  if (lr === undefined) return undefined;
  const prop = 'policies.limitRange';
  checkOrder(prop, 'defaultRequest', lr.defaultRequest, 'default', lr.default);
  checkOrder(prop, 'min', lr.min, 'max', lr.max);
  return {
    enabled: lr.enabled ?? true,
    default: amounts(`${prop}.default`, lr.default),
    defaultRequest: amounts(`${prop}.defaultRequest`, lr.defaultRequest),
    min: amounts(`${prop}.min`, lr.min),
    max: amounts(`${prop}.max`, lr.max),
    labels: lr.labels && { ...lr.labels },
    annotations: lr.annotations && { ...lr.annotations },
  };
}
