import { valuesError } from './diagnostic';

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

/**
 * What `helm template` assumes without --kube-version, and so the command line's default:
 * Helm v4 takes the major version of its k8s.io/client-go plus one, and its minor
 * (pkg/chart/common/capabilities.go); helm v4.1 is built with client-go v0.35, so 1.35.0
 * (helm v4.2 with v0.36 assumes 1.36.0, which renders the same for this chart). The construct
 * keeps its own default: a library default that moves with helm releases would change what an
 * app synthesizes without any change of its own.
 */
export const HELM_DEFAULT_KUBE_VERSION = '1.35.0';

const VERSION_RE = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+].*)?$/;

export function parseKubeVersion(text: string): KubeVersion {
  const m = VERSION_RE.exec(text.trim());
  if (!m) {
    throw valuesError({ path: 'kubeVersion', value: text, message: `expected a Kubernetes version such as "1.33.1", got ${JSON.stringify(text)}.` });
  }
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  return { major, minor, patch, version: `v${major}.${minor}.${patch}` };
}
