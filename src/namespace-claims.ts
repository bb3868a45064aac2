import { IConstruct } from 'constructs';
import { valuesError } from './values/diagnostic';

/** A virtual cluster as the claims know it. */
export interface NamespaceClaimant {
  readonly name: string;
  readonly namespace: string;
  readonly node: { readonly path: string; readonly root: IConstruct };
}

interface Claim {
  readonly by: NamespaceClaimant;
  /** Whether the namespace is the virtual cluster's own or one it syncs to. */
  readonly own: boolean;
}

/** The host namespaces taken in each construct tree (an App and everything under it). */
const CLAIMS = new WeakMap<IConstruct, Map<string, Claim>>();

/**
 * Records the host namespaces a virtual cluster takes (its own, and in multi-namespace mode the
 * ones it syncs to) and refuses one that another virtual cluster of the same App already took,
 * in any chart. Checked at construction: a construct's tree never changes, so the first
 * conflict is final, and the lookup costs the same for 1 or 1000 virtual clusters.
 */
export function claimNamespaces(vc: NamespaceClaimant, hostNamespaces: readonly string[]): void {
  const root = vc.node.root;
  let claims = CLAIMS.get(root);
  if (!claims) {
    claims = new Map();
    CLAIMS.set(root, claims);
  }
  const wanted = [{ namespace: vc.namespace, own: true }, ...hostNamespaces.map((namespace) => ({ namespace, own: false }))];
  for (const { namespace, own } of wanted) {
    const taken = claims.get(namespace);
    if (taken) {
      const path = own ? 'namespace' : 'sync.toHost.namespaces';
      throw valuesError({ path, propPath: path, value: namespace, ...conflict(vc, namespace, own, taken) });
    }
  }
  for (const { namespace, own } of wanted) claims.set(namespace, { by: vc, own });
}

function conflict(vc: NamespaceClaimant, namespace: string, own: boolean, taken: Claim): { message: string; fix: string } {
  const other = `the virtual cluster "${taken.by.name}" (${taken.by.node.path})`;
  if (own && taken.own && taken.by.name === vc.name) {
    return {
      message: `the virtual cluster "${vc.name}" in namespace "${namespace}" is defined twice in this app, at ${taken.by.node.path} and ` +
        `${vc.node.path}: both would render the same objects, and each apply of one would overwrite the other.`,
      fix: 'Keep one, or give the other a name and namespace of its own.',
    };
  }
  const mine = own ? `"${namespace}"` : `host namespace "${namespace}"`;
  const theirs = taken.own ? `the namespace of ${other}` : `a host namespace that ${other} syncs to`;
  const why = own && taken.own
    ? 'vCluster runs one virtual cluster per namespace (from 0.25 a second one refuses to start)'
    : 'vCluster imports every object of a host namespace it maps to, so the two virtual clusters would take over each other\'s objects';
  return {
    message: `${mine} of the virtual cluster "${vc.name}" (${vc.node.path}) is already ${theirs}: ${why}.`,
    fix: 'Give each virtual cluster namespaces of its own.',
  };
}
