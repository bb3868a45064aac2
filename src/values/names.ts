/** Kubernetes' rules for names, shared by the values checks and the typed props. */

/** RFC 1123 label: namespaces, release names. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A DNS label of at most `max` characters (63 for a namespace). */
export function isDnsLabel(value: unknown, max = 63): value is string {
  return typeof value === 'string' && value.length <= max && DNS_LABEL.test(value);
}

/** A resource as `<plural>.<group>`, e.g. "certificates.cert-manager.io". */
export function isPluralGroup(value: string): boolean {
  return /^[a-z0-9-]+\.[a-z0-9.-]+$/.test(value);
}

/** RFC 1123 subdomain: Secret and most object names. */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A DNS subdomain of at most 253 characters (object names, label key prefixes). */
export function isDnsSubdomain(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 253 && DNS_SUBDOMAIN.test(value);
}
