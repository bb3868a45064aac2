import { isCredentialPath, shownValue } from './credential-names';
import { Diagnostic, formatPath, Segment, Severity, ValuesError } from './errors';
import { isInt64 } from './int64';

/** What a diagnostic records instead of a credential's value. */
export const REDACTED = '(redacted)';

/** What a check knows when it finds a problem. */
export interface DiagnosticOptions {
  /** Where: a values path as segments, a prop path, or a location in words. */
  readonly path: readonly Segment[] | string;
  /**
   * The value received: kept in the diagnostic unless the path names a credential (`isCredentialPath`).
   * @default - none
   */
  readonly value?: unknown;
  /**
   * What is wrong, without the location; a function receives the value as it may be shown
   * (`shownValue`: a credential by its type only), so that the message never holds a credential.
   */
  readonly message: string | ((shown: string) => string);
  /** @default - the message says it */
  readonly fix?: string;
  /** @default - none: the user wrote the values path */
  readonly propPath?: string;
  /** @default 'error' */
  readonly severity?: Severity;
  /** @default - the path */
  readonly subject?: string;
  /** @default - none */
  readonly mentions?: readonly string[];
}

/** A diagnostic, its value redacted when the path names a credential. */
export function diagnostic(options: DiagnosticOptions): Diagnostic {
  const segments = typeof options.path === 'string' ? undefined : options.path;
  const value = options.value !== undefined && isCredentialPath(options.path) ? REDACTED : options.value;
  const message = typeof options.message === 'string' ? options.message : options.message(shownValue(options.path, options.value, describeValue));
  return {
    severity: options.severity ?? 'error',
    path: segments === undefined ? options.path as string : formatPath(segments) || '(root)',
    ...(options.propPath === undefined ? {} : { propPath: options.propPath }),
    ...(value === undefined ? {} : { value }),
    message,
    ...(options.fix === undefined ? {} : { fix: options.fix }),
    ...(options.subject === undefined ? {} : { subject: options.subject }),
    ...(options.mentions === undefined ? {} : { mentions: options.mentions }),
  };
}

/** A ValuesError of one diagnostic, for a check that stops at its first problem. */
export function valuesError(options: DiagnosticOptions): ValuesError {
  return new ValuesError([diagnostic(options)]);
}

/** A value as a message shows it: text quoted, other scalars as written, the rest as JSON. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || isInt64(v)) return String(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
