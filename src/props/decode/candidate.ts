import { arrayExpr, atom, call, Expr, Import, objectExpr } from './expr';

/**
 * The typed props an import may use, read off the values: a tree whose every leaf is one prop
 * that may or may not be taken. Which are taken is decided by trying them (see select.ts).
 */
export type Candidate = LeafCandidate | ObjectCandidate | CallCandidate;

/** One prop value, taken whole. */
export interface LeafCandidate {
  readonly kind: 'leaf';
  readonly expr: Expr;
  /** For lists: the items, any of which may be left out where the library adds it anyway. */
  readonly items?: readonly Expr[];
}

/** An options object whose fields are taken one by one. */
export interface ObjectCandidate {
  readonly kind: 'object';
  readonly fields: ReadonlyArray<readonly [string, Candidate]>;
  /** Fields the type requires: taken with the first field, never left out. */
  readonly required: readonly string[];
  /** What the object stands for when none of its fields is taken (e.g. `true` for "on"). */
  readonly whenEmpty?: Expr;
  /** When `enabled` is the only field taken, write its value instead of `{ enabled: ... }`. */
  readonly collapseEnabled?: boolean;
}

/** A factory call, e.g. `BackingStore.deployedEtcd({...})`, whose options are taken one by one. */
export interface CallCandidate {
  readonly kind: 'call';
  readonly callee: string;
  readonly imports: readonly Import[];
  readonly make: (options: Record<string, unknown>) => unknown;
  readonly options: ObjectCandidate;
  /** Whether the options argument is written even when empty (the factory requires it). */
  readonly optionsRequired: boolean;
}

export function leaf(expr: Expr | undefined, items?: readonly Expr[]): LeafCandidate | undefined {
  return expr === undefined ? undefined : { kind: 'leaf', expr, items };
}

/** An options object of the given fields (those undefined left out); undefined when it has none. */
export function object(
  fields: Record<string, Candidate | undefined>,
  options: { required?: readonly string[]; whenEmpty?: Expr; collapseEnabled?: boolean } = {},
): ObjectCandidate | undefined {
  const present = Object.entries(fields).filter((e): e is [string, Candidate] => e[1] !== undefined);
  const required = options.required ?? [];
  if (required.some((r) => !present.some(([k]) => k === r))) return undefined;
  if (present.length === 0 && options.whenEmpty === undefined) return undefined;
  return { kind: 'object', fields: present, required, whenEmpty: options.whenEmpty, collapseEnabled: options.collapseEnabled };
}

export function factory(
  callee: string,
  imports: readonly Import[],
  make: (options: Record<string, unknown>) => unknown,
  options: ObjectCandidate | undefined,
  optionsRequired = false,
): CallCandidate {
  return { kind: 'call', callee, imports, make, options: options ?? { kind: 'object', fields: [], required: [] }, optionsRequired };
}

// -------------------------------------------------------------------------------------------------
// Units: what the selection takes or leaves, one at a time.

export type Path = readonly string[];

/** One decision of the selection: a leaf, a factory call, or an object standing for its `whenEmpty`. */
export interface Unit {
  readonly key: string;
  readonly path: Path;
  readonly kind: 'leaf' | 'call' | 'empty';
  /** Units taken along with this one: the required fields and the calls on its way. */
  readonly with: readonly string[];
  /** Required units are never left out again once taken. */
  readonly required: boolean;
  /** For list leaves: the items that may be dropped. */
  readonly items?: readonly Expr[];
}

export const unitKey = (path: Path, kind: Unit['kind'] = 'leaf'): string => `${kind}:${path.join('\u0000')}`;

/** Every unit of the tree in its order: an object's fields before its `whenEmpty`, a call before its options. */
export function unitsOf(root: ObjectCandidate): Unit[] {
  const units: Unit[] = [];
  const walk = (c: Candidate, path: Path, along: readonly string[], required: boolean): void => {
    if (c.kind === 'leaf') {
      units.push({ key: unitKey(path), path, kind: 'leaf', with: along, required, items: c.items });
    } else if (c.kind === 'call') {
      const key = unitKey(path, 'call');
      units.push({ key, path, kind: 'call', with: along, required });
      walkObject(c.options, [...path, '()'], [...along, key]);
    } else {
      walkObject(c, path, along);
      if (c.whenEmpty !== undefined) units.push({ key: unitKey(path, 'empty'), path, kind: 'empty', with: along, required });
    }
  };
  const walkObject = (o: ObjectCandidate, path: Path, along: readonly string[]): void => {
    const requiredKeys = o.required.flatMap((r) => {
      const f = o.fields.find(([k]) => k === r)![1];
      return f.kind === 'leaf' ? [unitKey([...path, r])] : [];
    });
    for (const [k, f] of o.fields) walk(f, [...path, k], [...along, ...requiredKeys], o.required.includes(k));
  };
  walkObject(root, [], []);
  return units;
}

/** The choice made so far: the units taken, and list leaves with some items dropped. */
export interface Selection {
  readonly taken: ReadonlySet<string>;
  readonly lists: ReadonlyMap<string, readonly Expr[]>;
}

/** The props the selection takes, as a value of the generated program; undefined when none. */
export function materialize(c: Candidate, path: Path, sel: Selection): Expr | undefined {
  if (c.kind === 'leaf') {
    const key = unitKey(path);
    if (!sel.taken.has(key)) return undefined;
    const items = sel.lists.get(key);
    return items === undefined ? c.expr : arrayExpr(items);
  }
  if (c.kind === 'call') {
    if (!sel.taken.has(unitKey(path, 'call'))) return undefined;
    const options = materialize(c.options, [...path, '()'], sel) ?? (c.optionsRequired ? objectExpr([]) : undefined);
    const value = c.make((options?.value ?? {}) as Record<string, unknown>);
    return call(value, c.callee, options ? [options] : [], c.imports);
  }
  const entries: [string, Expr][] = [];
  for (const [k, f] of c.fields) {
    const e = materialize(f, [...path, k], sel);
    if (e !== undefined) entries.push([k, e]);
  }
  if (entries.length === 0) return sel.taken.has(unitKey(path, 'empty')) ? c.whenEmpty : undefined;
  if (c.collapseEnabled && entries.length === 1 && entries[0][0] === 'enabled') return entries[0][1];
  return objectExpr(entries);
}

/** `true`/`false` as a value of the program. */
export const booleanExpr = (b: boolean): Expr => atom(b, String(b));
