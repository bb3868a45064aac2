import { diagnostic } from '../values/diagnostic';
import { ValuesError } from '../values/errors';
import { isDnsLabel, isPluralGroup } from '../values/names';

/**
 * Throws at construction, naming the prop, the value received and the fix: every check of the
 * typed props goes through here, so the messages read alike.
 */
export function fail(prop: string, received: unknown, fix: string): never {
  throw new ValuesError([diagnostic({ path: prop, propPath: prop, value: received, message: (shown) => `${fix} Got ${shown}.` })]);
}

/** One of an enum's values (given from the enum of any package copy, or as its string). */
export function checkOneOf(prop: string, value: unknown, values: object, fix: string): void {
  if (!(Object.values(values) as unknown[]).includes(value)) fail(prop, value, fix);
}

/** A whole number of at least `min`. */
export function checkWholeNumber(prop: string, value: number | undefined, min: number, fix: string): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) fail(prop, value, fix);
}

/** A string with something in it. */
export function checkNonEmpty(prop: string, value: string | undefined, fix: string): void {
  if (typeof value !== 'string' || value.trim() === '') fail(prop, value, fix);
}

/**
 * An address as `host:port` with a numeric port, as Go's net.SplitHostPort reads it (an IPv6 host
 * in brackets); the host is empty in ":8080" (every interface, for a listener).
 */
export function hostPort(value: unknown): { host: string; port: number } | undefined {
  const m = typeof value === 'string' ? /^(\[[0-9a-fA-F:.]+\]|[^:[\]\s]*):(\d{1,5})$/.exec(value) : null;
  return m && Number(m[2]) <= 65535 ? { host: m[1], port: Number(m[2]) } : undefined;
}

/** An optional string: left out, or with something in it; returned as given. */
export function checkOptionalNonEmpty(prop: string, value: string | undefined, fix: string): string | undefined {
  if (value !== undefined) checkNonEmpty(prop, value, fix);
  return value;
}

/** DNS-1123 host names, optionally with a leading wildcard label. */
const HOST = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function checkHost(prop: string, value: string | undefined, what: string): void {
  if (typeof value !== 'string' || !HOST.test(value)) {
    fail(prop, value, `${what} must be a DNS host name such as "vc1.example.com" (no scheme, port or path).`);
  }
}

export function checkDnsLabel(prop: string, value: string | undefined, what: string): void {
  if (!isDnsLabel(value)) {
    fail(prop, value, `${what} must be a DNS label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit.`);
  }
}

/** The key of a custom resource: `<plural>.<group>`. */
export function checkPluralGroup(prop: string, resource: string, example: string): void {
  if (!isPluralGroup(resource)) fail(prop, resource, `keys are <plural>.<group>, e.g. "${example}".`);
}
