import type { ErrorObject } from 'ajv';
import * as VALIDATORS from '../../imports/props-validators';
import { formatPath, Segment } from '../values/errors';
import { valuesError } from '../values/diagnostic';
import { SHAPES } from './props-shapes';

/*
 * The typed props checked at run time against the JSON schema generated from their TypeScript
 * declarations (tools/generate-props-schema.ts, which also compiles it): JavaScript callers, `as any` and props read
 * from JSON get an error naming the prop path instead of a TypeError deep inside, or a value
 * JavaScript would coerce (`deletionProtection: 0` is no false). Messages name the expected
 * type and the type found, never the value: a wrong-typed value may be a credential.
 */

/** The props and options checked, by their declarations' names (tools/generate-props-schema.ts, CheckedProps). */
export type CheckedKind = keyof typeof VALIDATORS;

/** Throws a ValuesError naming the first path of PROPS (the props or options of KIND) whose type its declaration does not allow. */
export function checkPropTypes(kind: CheckedKind, props: unknown): void {
  // Compiled from imports/props-schema.json when it is generated (imports/props-validators.js):
  // compiling the schema at run time would cost every process a few hundred milliseconds.
  const check = VALIDATORS[kind];
  if (check(props)) return;
  const errors = check.errors ?? [];
  // The deepest path is the most precise: alternatives (boolean or options) fail at the prop and below it.
  const depth = Math.max(...errors.map((e) => pathOf(e).length));
  const here = errors.filter((e) => pathOf(e).length === depth);
  const unknown = here.find((e) => e.keyword === 'additionalProperties');
  if (unknown) {
    const path = formatPath([...pathOf(unknown), unknown.params.additionalProperty as string]);
    throw valuesError({ path, propPath: path, message: 'no such prop.', fix: 'Check its spelling against the props\' declarations, or remove it.' });
  }
  const missing = here.find((e) => e.keyword === 'required');
  if (missing) {
    const path = formatPath([...pathOf(missing), missing.params.missingProperty as string]);
    throw valuesError({ path, propPath: path, message: 'required, but not given.', fix: 'Set it.' });
  }
  const expected = [...new Set(here.flatMap(expectation))];
  const path = formatPath(pathOf(here[0]));
  throw valuesError({ path, propPath: path, message: `expected ${expected.join(' or ')}, got ${typeOf(here[0].data)}.` });
}

function pathOf(e: ErrorObject): Segment[] {
  if (e.instancePath === '') return [];
  return e.instancePath.slice(1).split('/').map((s) => {
    const key = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(key) ? Number(key) : key;
  });
}

const TYPES: { readonly [type: string]: string } = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'a boolean (true or false)',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function expectation(e: ErrorObject): string[] {
  if (e.keyword === 'shape') return [SHAPES[e.schema as string].expected];
  if (e.keyword !== 'type') return [];
  const types = e.params.type as string | string[];
  return (Array.isArray(types) ? types : types.split(',')).map((t) => TYPES[t] ?? t);
}

/** The JSON type of a value as a message says it: "a number", "a list", ... */
function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return v.constructor && v.constructor !== Object ? `an object of class ${v.constructor.name}` : 'an object';
  return TYPES[typeof v] ?? `a ${typeof v}`;
}
