import { credentialInText } from './credential-text';
import { holdsSecretObject } from './output-guard';
import { SchemaNode } from '../../imports/chart-versions';
import { formatPath, Segment } from '../values/errors';
import { ChartVersion } from '../values/chart-version';
import { compileFieldTree, FieldTree, fieldPatterns, visitFields } from '../values/schema-fields';
import { isMap, Value, ValueMap } from '../values/value-map';

/** A credential the values hold in clear. */
export interface Credential {
  /** Its values path, e.g. `controlPlane.backingStore.database.external.dataSource`. */
  readonly path: string;
  readonly segments: readonly Segment[];
  /** What it is, for messages: "a password", "a database DSN with a password", ... */
  readonly what: string;
  /** The value itself. */
  readonly value: string;
  /** Where the chart copies it besides the config Secret (host manifests become host objects). */
  readonly renderedAsObject: boolean;
}

/** What makes a string field of the schema a credential, and when a value of it is one. */
interface CredentialKind {
  readonly what: string;
  /** Whether this value holds a secret (a DSN without a password holds none). */
  readonly holdsSecret: (value: string) => boolean;
  readonly renderedAsObject?: boolean;
}

const nonEmpty = (v: string) => v.trim() !== '';


/** A Kubernetes Secret among raw manifests (multi-document YAML, maybe a template). */
const SECRET_MANIFEST = /^\s*kind:\s*["']?Secret["']?\s*(#.*)?$/m;

/**
 * The chart's credential fields, by their name in the schema: each chart version's schema gives
 * its own inventory, with no list of paths to keep up to date.
 */
function credentialKind(name: string, node: SchemaNode): CredentialKind | undefined {
  if (node.type !== 'string') return undefined;
  switch (name) {
    case 'password': return { what: 'a password', holdsSecret: nonEmpty };
    case 'identityToken': return { what: 'an identity token', holdsSecret: nonEmpty };
    case 'auth': return { what: 'registry credentials (base64 of user:password)', holdsSecret: nonEmpty };
    // Every DSN form the backing stores' drivers take (the output guard's rules).
    case 'dataSource': return { what: 'a database DSN with a password', holdsSecret: (v) => credentialInText(v) !== undefined };
    case 'manifests':
    case 'manifestsTemplate': return { what: 'a Secret among the manifests', holdsSecret: (v) => SECRET_MANIFEST.test(v) || holdsSecretObject(v) };
    default: return undefined;
  }
}

/** Each chart version's credential fields, compiled from its schema when first asked for. */
const TREES = new Map<ChartVersion, FieldTree<CredentialKind>>();
function treeOf(version: ChartVersion): FieldTree<CredentialKind> {
  let tree = TREES.get(version);
  if (tree === undefined) TREES.set(version, (tree = compileFieldTree(credentialKind, version)));
  return tree;
}

/** The host manifests: the chart renders them onto the host as they are. */
const HOST_MANIFESTS = /^experimental\.deploy\.host\.manifests(Template)?$/;

/** The credential fields of the chart's values, as path patterns (`a.*.b`: any key; `a[].b`: any item). */
export function credentialFields(version: ChartVersion): string[] {
  return fieldPatterns(treeOf(version)).map(([path]) => path);
}

/** Every credential the merged values hold in clear, in path order. */
export function findCredentials(values: ValueMap, version: ChartVersion): Credential[] {
  const found: Credential[] = [];
  visitFields(treeOf(version), values, (kind, value, path) => {
    if (typeof value !== 'string' || !kind.holdsSecret(value)) return;
    const at = formatPath(path);
    found.push({ path: at, segments: [...path], what: kind.what, value, renderedAsObject: HOST_MANIFESTS.test(at) });
  });
  return found;
}

/** Whether a values path names a credential field of the chart (a concrete path, not a pattern). */
export function isCredentialField(path: readonly Segment[], version: ChartVersion): boolean {
  let matched = false;
  visitFields(treeOf(version), build(path), () => {
    matched = true;
  });
  return matched;
}

/** A values tree holding a string at the path, for matching it against the field tree. */
function build(path: readonly Segment[]): Value {
  let v: Value = 'x';
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'number') {
      const list: Value[] = [];
      list[seg] = v;
      v = list;
    } else {
      v = { [seg]: v };
    }
  }
  return isMap(v) ? v : {};
}
