/** A key path into the values: map keys and list indexes. */
export type Segment = string | number;

/** `a.b[0].c`; keys that would make the dotted form ambiguous are bracketed: `quota["limits.cpu"]`. */
export function formatPath(path: readonly Segment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[^.[\]"\s]+$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** An error stops the render; a warning is reported and the render goes on. */
export type Severity = 'error' | 'warning';

/** The virtual cluster a diagnostic is about, so that in an app of many tenants it names its own. */
export interface Tenant {
  /** The release name. */
  readonly release: string;
  /**
   * The construct path of the VCluster, e.g. `App/tenants/vc1`.
   * @default - none: rendered outside a cdk8s app (the CLI)
   */
  readonly constructPath?: string;
}

/**
 * One problem with the values (or the props that wrote them), as data: where, what was received,
 * what is wrong and how to fix it. Every check reports through this shape; the printed line is
 * made from it by `formatDiagnostic`, never parsed back.
 */
export interface Diagnostic {
  readonly severity: Severity;
  /**
   * Where: the values path (`controlPlane.statefulSet.highAvailability.replicas`), or the input
   * outside the values that is wrong (`name`, `kubeVersion`, a values file, `Secret "x"`).
   */
  readonly path: string;
  /**
   * The typed prop that wrote the value (`controlPlane.replicas`), when the user wrote one; the
   * printed line names it instead of the values path.
   * @default - none: the user wrote the values path
   */
  readonly propPath?: string;
  /**
   * The value received, or `REDACTED` when the path is a credential field of the chart.
   * @default - none recorded
   */
  readonly value?: unknown;
  /** What is wrong, without the location (the printed line starts with it). */
  readonly message: string;
  /**
   * What to do about it, printed after the message.
   * @default - the message says it
   */
  readonly fix?: string;
  /**
   * What the printed line starts with instead of the path (`Secret "vc-config-vc1"`); `''` for a
   * line that names its location in its own words.
   * @default - the prop path, else the path
   */
  readonly subject?: string;
  /**
   * The other values paths the message names ("the limit (controlPlane...limits.cpu)"), so that
   * they can be named in prop terms too.
   * @default - none
   */
  readonly mentions?: readonly string[];
  /**
   * The virtual cluster, once known (the construct and the CLI add it).
   * @default - none
   */
  readonly tenant?: Tenant;
}

/** How a tenant is named in messages: its construct path and release, or the release alone. */
export function tenantName(tenant: Tenant): string {
  return tenant.constructPath === undefined ? `release ${tenant.release}` : `${tenant.constructPath} (release ${tenant.release})`;
}

/** The diagnostic as one line: `[tenant: ]location: message[ fix]`. */
export function formatDiagnostic(d: Diagnostic, options: { readonly tenant?: boolean } = {}): string {
  const subject = d.subject ?? d.propPath ?? d.path;
  const text = `${subject === '' ? '' : `${subject}: `}${d.message}${d.fix === undefined ? '' : ` ${d.fix}`}`;
  return (options.tenant ?? true) && d.tenant ? `${tenantName(d.tenant)}: ${text}` : text;
}

/**
 * Values (or props) that cannot give a working virtual cluster: every diagnostic found, one per
 * line of the message. `path` is the first one's location, for programs; `diagnostics` the data.
 */
export class ValuesError extends Error {
  public readonly diagnostics: readonly Diagnostic[];

  /** From diagnostics, or (for a check whose line names its location itself) a path and the whole line. */
  public constructor(diagnostics: readonly Diagnostic[]);
  public constructor(path: string, line: string);
  public constructor(first: string | readonly Diagnostic[], line?: string) {
    const diagnostics: readonly Diagnostic[] = typeof first === 'string'
      ? [{ severity: 'error', path: first, message: line ?? '', subject: '' }]
      : first;
    super(diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
    this.name = 'ValuesError';
    this.diagnostics = diagnostics;
  }

  /** The (first) offending location: the prop path where the user wrote a prop, else the values path. */
  public get path(): string {
    return this.diagnostics[0].propPath ?? this.diagnostics[0].path;
  }

  /** The same error, each diagnostic naming the tenant. */
  public forTenant(tenant: Tenant): ValuesError {
    return new ValuesError(this.diagnostics.map((d) => ({ ...d, tenant })));
  }
}
