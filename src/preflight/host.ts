import { parseAllDocuments } from 'yaml';
import { Manifest } from '../render/context';
import { valuesError } from '../values/diagnostic';
import { parseKubeVersion } from '../values/kube-version';
import { isMap, Value, ValueMap } from '../values/value-map';
import { PodSecurityLevel } from './pod-security';

/**
 * The host cluster as far as it decides what it admits into the virtual cluster's namespace: the
 * namespace's Pod Security labels, its LimitRanges and ResourceQuotas, and the Kubernetes version.
 */
export interface HostOptions {
  /**
   * The host namespace's own objects, as the platform team has them: the output of
   * `kubectl get ns NAMESPACE -o yaml` and `kubectl -n NAMESPACE get limitrange,resourcequota -o yaml`,
   * parsed (`hostObjectsFromYaml` reads the text): Namespace, LimitRange and ResourceQuota objects,
   * or Lists of them. Objects of other namespaces and other kinds are ignored.
   * @default - none: only the chart's own quota and limit range are checked
   */
  readonly objects?: readonly object[];

  /**
   * The host's Kubernetes version, e.g. "1.35.0": the chart renders for it (as `kubeVersion`) and Pod
   * Security is checked by its rules.
   * @default - the construct's kubeVersion
   */
  readonly kubeVersion?: string;
}

/** A Pod Security admission mode the namespace sets: its level and the rules' version. */
export interface PodSecurityMode {
  readonly mode: 'enforce' | 'warn' | 'audit';
  readonly level: PodSecurityLevel;
  /** The label as written, e.g. `pod-security.kubernetes.io/enforce: restricted`. */
  readonly label: string;
  /** The minor version of 1.x whose rules apply (`<mode>-version`; `latest` is the host's own version). */
  readonly minor: number;
}

/** The host namespace's objects the pre-flight reads. */
export interface HostModel {
  readonly namespace: string;
  readonly podSecurity: readonly PodSecurityMode[];
  /** Namespaces the objects hold other than the virtual cluster's: given by mistake, if its own is missing. */
  readonly otherNamespaces: readonly string[];
  readonly limitRanges: readonly Manifest[];
  readonly resourceQuotas: readonly Manifest[];
}

/** Every object of a YAML or JSON text, as kubectl prints it: one document, several, or a List. */
export function hostObjectsFromYaml(text: string, source = 'host'): object[] {
  const docs = parseAllDocuments(text);
  const out: object[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (doc.errors.length > 0) throw valuesError({ path: source, message: `not YAML: ${doc.errors[0].message}` });
    const value = doc.toJS() as Value;
    if (value === null || value === undefined) continue;
    if (!isMap(value)) throw valuesError({ path: source, message: `expected Kubernetes objects, got ${JSON.stringify(value).slice(0, 60)}.` });
    out.push(value);
  }
  return out;
}

const MODES = ['enforce', 'warn', 'audit'] as const;
const LEVELS: readonly PodSecurityLevel[] = ['privileged', 'baseline', 'restricted'];
const PREFIX = 'pod-security.kubernetes.io/';

/** The host model of the namespace, from the objects given; the version's minor for `latest`. */
export function hostModel(options: HostOptions, namespace: string, hostMinor: number): HostModel {
  if (options.kubeVersion !== undefined) parseKubeVersion(options.kubeVersion);
  const objects = flatten(options.objects ?? []);
  const inNamespace = (o: ValueMap) => o.metadata?.namespace === undefined || o.metadata.namespace === namespace;
  const ns = objects.find((o) => o.kind === 'Namespace' && o.metadata?.name === namespace);
  return {
    namespace,
    podSecurity: podSecurityModes(isMap(ns?.metadata?.labels) ? ns.metadata.labels : {}, hostMinor),
    otherNamespaces: ns !== undefined ? [] : objects.filter((o) => o.kind === 'Namespace').map((o) => String(o.metadata?.name)),
    limitRanges: objects.filter((o) => o.kind === 'LimitRange' && inNamespace(o)) as Manifest[],
    resourceQuotas: objects.filter((o) => o.kind === 'ResourceQuota' && inNamespace(o)) as Manifest[],
  };
}

function flatten(objects: readonly object[]): ValueMap[] {
  return objects.flatMap((o, i): ValueMap[] => {
    if (!isMap(o as Value) || typeof (o as ValueMap).kind !== 'string') {
      throw valuesError({ path: `host.objects[${i}]`, message: `expected a Kubernetes object with a kind, got ${JSON.stringify(o).slice(0, 60)}.` });
    }
    const m = o as ValueMap;
    return m.kind.endsWith('List') && Array.isArray(m.items) ? flatten(m.items) : [m];
  });
}

/**
 * The namespace's Pod Security labels as Pod Security admission reads them: a level that is not
 * one of the three counts as restricted, a version other than `v1.N` as `latest`.
 */
function podSecurityModes(labels: ValueMap, hostMinor: number): PodSecurityMode[] {
  return MODES.flatMap((mode): PodSecurityMode[] => {
    const value = labels[`${PREFIX}${mode}`];
    if (typeof value !== 'string') return [];
    const level = LEVELS.find((l) => l === value) ?? 'restricted';
    if (level === 'privileged') return [];
    const pinned = labels[`${PREFIX}${mode}-version`];
    const version = /^v1\.(\d+)$/.exec(String(pinned ?? ''));
    const minor = version ? Math.min(Number(version[1]), hostMinor) : hostMinor;
    const label = `${PREFIX}${mode}: ${value}${typeof pinned === 'string' ? ` (${mode}-version: ${pinned})` : ''}`;
    return [{ mode, level, label, minor }];
  });
}
