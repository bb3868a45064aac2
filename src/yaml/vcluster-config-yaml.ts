import { createHash } from 'node:crypto';
import { helmToYamlCached } from './helm-yaml-cache';
import { isPlainObject } from '../values/value-map';

/**
 * The chart's pod annotation `vClusterConfigHash`:
 * `toYaml (values without privateNodes.autoNodes) | b64enc | sha256sum`, as hex. The input is not modified.
 */
export function vClusterConfigHash(values: unknown): string {
  let hashed = values;
  if (isPlainObject(values) && isPlainObject(values.privateNodes) && 'autoNodes' in values.privateNodes) {
    // Rebuild only the two levels on the path; everything else is shared, never written.
    const privateNodes = { ...values.privateNodes };
    delete privateNodes.autoNodes;
    hashed = { ...values, privateNodes };
  }
  const b64 = Buffer.from(helmToYamlCached(hashed, new Map()), 'utf8').toString('base64');
  return createHash('sha256').update(b64, 'utf8').digest('hex');
}

/** The chart's `vc-config-<name>` Secret `data["config.yaml"]`: `.Values | toYaml | b64enc`. */
export function configSecretData(values: unknown): string {
  return Buffer.from(helmToYamlCached(values, new Map()), 'utf8').toString('base64');
}
