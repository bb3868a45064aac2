import { Segment } from './errors';
import { isInt64 } from './int64';

/**
 * Names that say their value is a credential: a key (`password:`, `clientSecret:`), an env
 * variable (`DB_PASSWORD`) or a flag (`--oidc-client-secret`). The name is split into words
 * (camelCase, `_`, `-`, `.`) and its last words decide: a name that ends in a reference word
 * (`passwordFile`, `secretName`, `tokenSecretRef`, `keyPath`) names where a credential is, not one.
 */
const CREDENTIAL_ENDINGS = [
  ['password'], ['passwd'], ['pwd'], ['pass'], ['passphrase'], ['secret'], ['token'], ['auth'], ['credential'], ['credentials'],
  ['apikey'], ['api', 'key'], ['private', 'key'], ['access', 'key'], ['secret', 'key'], ['signing', 'key'], ['encryption', 'key'],
  ['master', 'key'], ['account', 'key'], ['client', 'key'], ['session', 'key'], ['license', 'key'],
] as const;

/**
 * Names of references to a credential or settings about one, never one: `existingSecret`, and
 * etcd's `--initial-cluster-token`, an identifier of the cluster that the chart writes.
 */
const NOT_CREDENTIALS = new Set(['existing secret', 'use existing secret', 'initial cluster token']);

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** The answers so far: a fleet's objects repeat the same few hundred names. */
const NAMED = new Map<string, boolean>();

/** Whether a key, env variable or flag name names a credential (its value is one). */
export function namesCredential(name: string): boolean {
  let named = NAMED.get(name);
  if (named === undefined) {
    if (NAMED.size >= 10_000) NAMED.clear();
    NAMED.set(name, (named = decide(name)));
  }
  return named;
}

/**
 * What the last word of every credential ending holds: a name without any of these (most keys)
 * names no credential, decided without splitting it into words.
 */
const ENDING_WORDS = /pass|pwd|secret|token|auth|credential|key/i;

function decide(name: string): boolean {
  // Keys that are no identifiers (`shared/registry-credentials`) name objects, not settings.
  if (!ENDING_WORDS.test(name) || !/^[A-Za-z_][\w.-]*$/.test(name)) return false;
  const w = words(name);
  if (w.length === 0 || NOT_CREDENTIALS.has(w.join(' '))) return false;
  return CREDENTIAL_ENDINGS.some((end) => end.length <= w.length && end.every((e, i) => w[w.length - end.length + i] === e));
}

/** Whether a values or prop path leads to a credential: its last key names one. Messages never print such a value. */
export function isCredentialPath(path: string | readonly Segment[]): boolean {
  const last = typeof path === 'string'
    ? path.split(/[.[\]"]+/).filter((s) => s !== '' && !/^\d+$/.test(s)).pop()
    : [...path].reverse().find((s) => typeof s === 'string');
  return typeof last === 'string' && (namesCredential(last) || last === 'dataSource' || last === 'manifests' || last === 'manifestsTemplate');
}

/**
 * A value as a message may show it: as `show` writes it, with a scalar at a credential path, or
 * under a key that names one inside a map or list, replaced by its type (messages end up in CI logs).
 */
export function shownValue(path: string | readonly Segment[], value: unknown, show: (value: unknown) => string): string {
  if (value === undefined || value === null || typeof value === 'boolean') return show(value);
  // An Int64 (an int64 from --set) is a scalar, a number.
  const scalar = typeof value !== 'object' || isInt64(value);
  if ((scalar || Array.isArray(value)) && isCredentialPath(path)) return `${typeOf(value)} (not shown: a credential)`;
  if (scalar) return show(value);
  let copy: unknown;
  try {
    copy = JSON.parse(
      JSON.stringify(value, (k, x) => (k !== '' && namesCredential(k) && x !== null && typeof x !== 'object' ? `(${typeOf(x)}, not shown)` : x)),
    );
  } catch {
    return typeOf(value);
  }
  return show(copy);
}

function typeOf(value: unknown): string {
  if (isInt64(value)) return 'a number';
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a map' : `a ${typeof value}`;
}
