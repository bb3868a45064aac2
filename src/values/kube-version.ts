import { ValuesError } from './errors';

/** The Kubernetes version the manifests are rendered for (Helm's `.Capabilities.KubeVersion`). */
export interface KubeVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** As Helm prints it, with the leading `v`. */
  readonly version: string;
}

/**
 * The version rendered for when none is given. The chart only looks at the minor version
 * (below 1.27 it omits the StatefulSet retention policy); 1.33 is what the conformance corpus uses.
 */
export const DEFAULT_KUBE_VERSION = '1.33.1';

const VERSION_RE = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+].*)?$/;

export function parseKubeVersion(text: string): KubeVersion {
  const m = VERSION_RE.exec(text.trim());
  if (!m) {
    throw new ValuesError('kubeVersion', `kubeVersion: expected a Kubernetes version such as "1.33.1", got ${JSON.stringify(text)}.`);
  }
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  return { major, minor, patch, version: `v${major}.${minor}.${patch}` };
}
