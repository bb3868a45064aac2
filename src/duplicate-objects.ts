import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { isClusterScoped } from './api-objects';
import { diagnostic } from './values/diagnostic';
import { Diagnostic, ValuesError } from './values/errors';

/** A construct that renders objects when the app is validated, such as a virtual cluster. */
interface Renderer {
  /** Where its objects without a namespace are applied (Helm applies them to the release namespace). */
  readonly namespace: string;
  /** Makes its objects, if not done yet. */
  readonly render: () => void;
}

/** The renderers of each construct tree (an App and everything under it). */
const RENDERERS = new WeakMap<IConstruct, Map<IConstruct, Renderer>>();

/**
 * Has the app of SCOPE refuse, when it is validated (before it synthesizes), two objects that
 * Kubernetes would take for one: the same API group, kind, namespace and name, e.g. a host
 * manifest beside the chart's object of that name, or an ApiObject of the user's named like one
 * the virtual cluster renders. Each apply of one would overwrite the other, and ArgoCD refuses
 * such an app. SCOPE's objects are made first, with RENDERER; one check covers the whole app.
 */
export function refuseDuplicateObjects(scope: IConstruct, renderer: Renderer): void {
  const root = scope.node.root;
  let renderers = RENDERERS.get(root);
  if (!renderers) {
    renderers = new Map();
    RENDERERS.set(root, renderers);
    const all = renderers;
    // cdk8s validates the app before it synthesizes; throwing keeps the message as written.
    root.node.addValidation({ validate: () => (checkDuplicates(root, all), []) });
  }
  renderers.set(scope, renderer);
}

function checkDuplicates(root: IConstruct, renderers: ReadonlyMap<IConstruct, Renderer>): void {
  for (const r of renderers.values()) {
    try {
      r.render();
    } catch {
      // A renderer that fails reports why in its own validation, beside the others' (cdk8s lists them all).
    }
  }
  const seen = new Map<string, ApiObject>();
  const found: Diagnostic[] = [];
  for (const c of root.node.findAll()) {
    if (!ApiObject.isApiObject(c)) continue;
    const namespace = isClusterScoped(c) ? undefined : c.metadata.namespace ?? renderedInto(c, renderers);
    const key = JSON.stringify([c.apiGroup, c.kind, namespace ?? '', c.name]);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, c);
      continue;
    }
    const where = namespace === undefined ? '' : ` in namespace "${namespace}"`;
    found.push(diagnostic({
      path: 'metadata.name',
      subject: '',
      value: c.name,
      message: `${c.kind} "${c.name}"${where} (${c.apiVersion}) is defined twice in this app, at ${first.node.path} and ${c.node.path}: ` +
        'Kubernetes holds one object per API group, kind, namespace and name, so each apply of one would overwrite the other (and ArgoCD ' +
        'refuses such an app).',
      fix: 'Remove one, or rename it.',
    }));
  }
  if (found.length > 0) throw new ValuesError(found);
}

/** The namespace an object without one is applied to: that of the renderer it is under, if any. */
function renderedInto(c: IConstruct, renderers: ReadonlyMap<IConstruct, Renderer>): string | undefined {
  for (let s = c.node.scope; s; s = s.node.scope) {
    const r = renderers.get(s);
    if (r) return r.namespace;
  }
  return undefined;
}
