import { ValueMap } from '../values/value-map';
import { plainJson } from './fragment';
import { checkNonEmpty, fail } from './validation';

/**
 * A field that names another object: vCluster rewrites it to that object's name on the other
 * side (and syncs the object when its kind syncs).
 */
export interface SyncPatchReference {
  /** The referenced object's apiVersion, e.g. "v1". */
  readonly apiVersion: string;

  /** The referenced object's kind, e.g. "Secret". */
  readonly kind: string;

  /**
   * A path, relative to the patched field, to read the apiVersion from.
   * @default - `apiVersion`
   */
  readonly apiVersionPath?: string;

  /**
   * A path, relative to the patched field, to read the kind from.
   * @default - `kind`
   */
  readonly kindPath?: string;

  /**
   * A path, relative to the patched field, to the name.
   * @default - the field itself
   */
  readonly namePath?: string;

  /**
   * A path, relative to the patched field, to the namespace.
   * @default - the patched object's namespace
   */
  readonly namespacePath?: string;
}

/**
 * A change vCluster makes to a field of the objects it syncs (vcluster.yaml `patches`): a
 * JavaScript `expression` (and its `reverseExpression`), a `reference` to rewrite, or the
 * field as a label selector to translate (`labels`) — one of the three.
 */
export interface SyncPatch {
  /** The field, e.g. `metadata.annotations["example.com/key"]`; `[*]` for every entry. */
  readonly path: string;

  /**
   * A JavaScript expression of `value` giving the field on the other side, e.g. `'"prefix-" + value'`.
   * @default - none
   */
  readonly expression?: string;

  /**
   * The expression undoing `expression`, for changes synced back.
   * @default - none
   */
  readonly reverseExpression?: string;

  /**
   * The field names another object.
   * @default - none
   */
  readonly reference?: SyncPatchReference;

  /**
   * The field is a label selector, translated as vCluster translates labels.
   * @default false
   */
  readonly labels?: boolean;
}

/** The `patches` list, checked as vCluster checks it when it starts: one kind of change per patch, each path once. */
export function patchValues(prop: string, patches: readonly SyncPatch[] | undefined): ValueMap[] | undefined {
  if (patches === undefined) return undefined;
  const paths = new Map<string, number>();
  return patches.map((p, i) => {
    const at = `${prop}[${i}]`;
    checkNonEmpty(`${at}.path`, p.path, 'give the field to patch, e.g. \'metadata.annotations["example.com/key"]\'.');
    const kinds = [p.expression !== undefined || p.reverseExpression !== undefined, p.labels === true, p.reference !== undefined];
    if (kinds.filter(Boolean).length !== 1) {
      fail(at, p, 'give exactly one of: expression (with or without reverseExpression), labels: true, or reference.');
    }
    if (paths.has(p.path)) fail(`${at}.path`, p.path, `${prop}[${paths.get(p.path)}] patches the same field; make them one patch.`);
    paths.set(p.path, i);
    // Items of a list are written as they are (fragments compact maps only): no undefined keys.
    return plainJson({
      path: p.path,
      expression: p.expression,
      reverseExpression: p.reverseExpression,
      reference: p.reference,
      labels: p.labels ? {} : undefined,
    });
  });
}
