import { ChartVersion, DEFAULT_CHART_VERSION } from './chart-version';
import { isCredentialField } from './credentials';
import { Diagnostic, formatPath, Segment, Severity } from './errors';

/** What a diagnostic records instead of a credential's value. */
export const REDACTED = '(redacted)';

/** What a check knows when it finds a problem. */
export interface DiagnosticOptions {
  /**
   * Where: a values path as segments (credential fields are then recognized), or a location in words.
   */
  readonly path: readonly Segment[] | string;
  /**
   * The value received: kept in the diagnostic unless the path is a credential field of the chart.
   * @default - none
   */
  readonly value?: unknown;
  /**
   * What is wrong, without the location; a function receives the value as it may be shown (a
   * credential's as `REDACTED`), so that the message never holds a credential.
   */
  readonly message: string | ((shown: string) => string);
  /** @default - the message says it */
  readonly fix?: string;
  /** @default 'error' */
  readonly severity?: Severity;
  /** @default - the path */
  readonly subject?: string;
  /** @default - none */
  readonly mentions?: readonly string[];
  /**
   * The chart version whose credential fields are redacted.
   * @default DEFAULT_CHART_VERSION
   */
  readonly chartVersion?: ChartVersion;
}

/** A diagnostic, its value redacted when the path is a credential field. */
export function diagnostic(options: DiagnosticOptions): Diagnostic {
  const segments = typeof options.path === 'string' ? undefined : options.path;
  const redacted = segments !== undefined && options.value !== undefined && isCredentialField(segments, options.chartVersion ?? DEFAULT_CHART_VERSION);
  const value = redacted ? REDACTED : options.value;
  const message = typeof options.message === 'string' ? options.message : options.message(redacted ? REDACTED : describeValue(options.value));
  return {
    severity: options.severity ?? 'error',
    path: segments === undefined ? options.path as string : formatPath(segments) || '(root)',
    ...(value === undefined ? {} : { value }),
    message,
    ...(options.fix === undefined ? {} : { fix: options.fix }),
    ...(options.subject === undefined ? {} : { subject: options.subject }),
    ...(options.mentions === undefined ? {} : { mentions: options.mentions }),
  };
}

/** A value as a message shows it: text quoted, other scalars as written, the rest as JSON. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
