import { Duration, Size, SizeRoundingBehavior } from 'cdk8s';
import { ContainerResources, Cpu } from 'cdk8s-plus-31';
import { Resources } from '../../imports/chart-versions';
import { ValueMap } from '../values/value-map';
import { fail } from './validation';

/*
 * Value types are recognised by their public API, never by `instanceof`: a user's app holds its
 * own copy of cdk8s and any cdk8s-plus-XX, whose classes are not the ones this library loads.
 */
const hasMethods = (v: unknown, ...names: string[]): boolean =>
  typeof v === 'object' && v !== null && names.every((n) => typeof (v as Record<string, unknown>)[n] === 'function');
const isSize = (v: unknown): v is Size => hasMethods(v, 'toKibibytes', 'asString');
const isCpu = (v: unknown): v is Cpu => typeof v === 'object' && v !== null && typeof (v as { amount?: unknown }).amount === 'string';
const isDuration = (v: unknown): v is Duration => hasMethods(v, 'toSeconds', 'toMilliseconds');

const WHOLE = /^\d+(Ki|Mi|Gi|Ti|Pi)$/;
const UNITS: ReadonlyArray<readonly [string, (s: Size) => number]> = [
  ['Pi', (s) => s.toPebibytes({ rounding: SizeRoundingBehavior.NONE })],
  ['Ti', (s) => s.toTebibytes({ rounding: SizeRoundingBehavior.NONE })],
  ['Gi', (s) => s.toGibibytes({ rounding: SizeRoundingBehavior.NONE })],
  ['Mi', (s) => s.toMebibytes({ rounding: SizeRoundingBehavior.NONE })],
  ['Ki', (s) => s.toKibibytes({ rounding: SizeRoundingBehavior.NONE })],
];

/**
 * A Size as a Kubernetes quantity in the unit it was given in ("5Gi" stays "5Gi", not the
 * "5120Mi" cdk8s-plus writes), so typed props give the same values as the tutorial's YAML.
 * Fractions move to the largest unit that keeps them whole (0.5Gi is "512Mi").
 */
export function sizeQuantity(prop: string, size: Size): string {
  if (!isSize(size)) fail(prop, size, 'expected a cdk8s Size, e.g. Size.gibibytes(5).');
  const kib = size.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
  if (!(kib > 0)) fail(prop, size.asString(), 'must be greater than zero; give e.g. Size.gibibytes(5).');
  const text = size.asString();
  if (WHOLE.test(text)) return text;
  for (const [unit, amount] of UNITS) {
    const n = amount(size);
    if (Number.isInteger(n)) return `${n}${unit}`;
  }
  return fail(prop, text, 'must be a whole number of KiB; round it to a whole number of Ki, Mi or Gi.');
}

const CPU = /^(\d+(\.\d+)?|\d+m)$/;

/** A Cpu as a Kubernetes quantity: "4", "0.5", "100m". */
export function cpuQuantity(prop: string, cpu: Cpu): string {
  if (!isCpu(cpu)) fail(prop, cpu, 'expected a cdk8s-plus Cpu (from any cdk8s-plus-XX), e.g. Cpu.units(1) or Cpu.millis(100).');
  if (!CPU.test(cpu.amount) || cpuMillis(cpu) <= 0) {
    fail(prop, cpu.amount, 'must be a positive amount of CPU in whole millicores, e.g. Cpu.millis(100) or Cpu.units(2).');
  }
  return cpu.amount;
}

/** A Duration in whole seconds, as Kubernetes and ArgoCD write durations ("5s"). */
export function durationSeconds(prop: string, duration: Duration): number {
  if (!isDuration(duration)) fail(prop, duration, 'expected a cdk8s Duration, e.g. Duration.seconds(5).');
  const ms = duration.toMilliseconds();
  if (!(ms > 0) || ms % 1000 !== 0) fail(prop, `${ms}ms`, 'must be a positive whole number of seconds, e.g. Duration.seconds(5).');
  return ms / 1000;
}

/** The CPU in millicores, for comparisons. */
export function cpuMillis(cpu: Cpu): number {
  return cpu.amount.endsWith('m') ? Number(cpu.amount.slice(0, -1)) : Number(cpu.amount) * 1000;
}

/** The size in KiB, for comparisons. */
export function sizeKibibytes(size: Size): number {
  return size.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
}

/**
 * cdk8s-plus container resources as the chart's `resources: {requests, limits}`. They are
 * merged over the chart's defaults entry by entry (Helm merges maps), so only the given
 * entries change. A request above its limit is refused with the values, where raw values are checked too.
 */
export function resourcesValues(prop: string, resources: ContainerResources | undefined): Resources | undefined {
  if (resources === undefined) return undefined;
  const requests: ValueMap = {};
  const limits: ValueMap = {};
  const { cpu, memory, ephemeralStorage } = resources;
  if (cpu?.request) requests.cpu = cpuQuantity(`${prop}.cpu.request`, cpu.request);
  if (cpu?.limit) limits.cpu = cpuQuantity(`${prop}.cpu.limit`, cpu.limit);
  for (const [key, name, pair] of [['memory', 'memory', memory], ['ephemeral-storage', 'ephemeralStorage', ephemeralStorage]] as const) {
    if (pair?.request) requests[key] = sizeQuantity(`${prop}.${name}.request`, pair.request);
    if (pair?.limit) limits[key] = sizeQuantity(`${prop}.${name}.limit`, pair.limit);
  }
  return {
    requests: Object.keys(requests).length > 0 ? requests : undefined,
    limits: Object.keys(limits).length > 0 ? limits : undefined,
  };
}
