/** An error: the host would refuse something. A warning: it would be let in, but something is off. */
export type FindingSeverity = 'error' | 'warning';

/**
 * One thing the pre-flight found: what the host would refuse (or let in but fail later), where, the
 * host's rule and the fix. Severity, path, message and fix map one to one onto a diagnostic.
 */
export interface PreflightFinding {
  readonly severity: FindingSeverity;
  /**
   * Where: the object and container (`Deployment vc1: container syncer`) with the field
   * (`securityContext.runAsNonRoot`), or the values path (`policies.resourceQuota.quota["limits.memory"]`).
   */
  readonly path: string;
  /** What is wrong and the host rule behind it, without the location. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
  /** The host rule, e.g. `pod-security.kubernetes.io/enforce: restricted` or `ResourceQuota compute`. */
  readonly rule: string;
}

/** `error: <path>: <message> <fix>`, the line the CLI prints and the construct reports. */
export function formatFinding(f: PreflightFinding): string {
  return `${f.severity}: ${f.path}: ${f.message} ${f.fix}`;
}

/** Errors first, then warnings; each in the order found. */
export function sortFindings(findings: readonly PreflightFinding[]): PreflightFinding[] {
  return [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity === 'warning')];
}
