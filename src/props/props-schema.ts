import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import PROPS_SCHEMA from '../../imports/props-schema.json';
import { formatPath, Segment, ValuesError } from '../values/errors';
import { BackingStore } from './backing-store';

/*
 * The typed props checked at run time against the JSON schema generated from their TypeScript
 * declarations (tools/generate-props-schema.ts): JavaScript callers, `as any` and props read
 * from JSON get an error naming the prop path instead of a TypeError deep inside, or a value
 * JavaScript would coerce (`deletionProtection: 0` is no false). Messages name the expected
 * type and the type found, never the value: a wrong-typed value may be a credential.
 */

const hasMethods = (v: unknown, ...names: string[]): boolean =>
  typeof v === 'object' && v !== null && names.every((n) => typeof (v as Record<string, unknown>)[n] === 'function');

/**
 * The value types recognised by their public API, never by `instanceof` (as in ./quantities):
 * a user's app holds its own copy of cdk8s, constructs and cdk8s-plus-XX. Each with what the
 * message says is expected.
 */
const SHAPES: { readonly [shape: string]: { readonly is: (v: unknown) => boolean; readonly expected: string } } = {
  Size: { is: (v) => hasMethods(v, 'toKibibytes', 'asString'), expected: 'a cdk8s Size, e.g. Size.gibibytes(5)' },
  Duration: { is: (v) => hasMethods(v, 'toSeconds', 'toMilliseconds'), expected: 'a cdk8s Duration, e.g. Duration.seconds(5)' },
  Cpu: {
    is: (v) => typeof v === 'object' && v !== null && typeof (v as { amount?: unknown }).amount === 'string',
    expected: 'a cdk8s-plus Cpu, e.g. Cpu.millis(100)',
  },
  Construct: {
    is: (v) => typeof v === 'object' && v !== null && typeof (v as { node?: { path?: unknown } }).node?.path === 'string',
    expected: 'a construct, such as a cdk8s Chart',
  },
  // The library's own class: only its factories make one.
  BackingStore: { is: (v) => v instanceof BackingStore, expected: 'a BackingStore, e.g. BackingStore.deployedEtcd()' },
  ConfigSecret: { is: (v) => hasMethods(v, '_values', '_protect'), expected: 'a ConfigSecret, e.g. ConfigSecret.sealedSecret({ ... })' },
  // The constructs of the library that props take, by their public API (this layer is below them).
  VCluster: { is: (v) => SHAPES.Construct.is(v) && hasMethods(v, 'addVolume', 'findApiObject'), expected: 'a VCluster construct' },
  FluxGitRepository: { is: (v) => apiObjectKind(v) === 'GitRepository', expected: 'a FluxGitRepository construct' },
  FluxKustomization: { is: (v) => apiObjectKind(v) === 'Kustomization', expected: 'a FluxKustomization construct' },
};

/** The kind of the `apiObject` a construct exposes, if it is a construct that does. */
function apiObjectKind(v: unknown): unknown {
  return SHAPES.Construct.is(v) ? (v as { apiObject?: { kind?: unknown } }).apiObject?.kind : undefined;
}

/** The props and options checked, by their declarations' names (tools/generate-props-schema.ts, CheckedProps). */
export type CheckedKind = 'VClusterProps' | 'AddVolumeOptions' | 'ArgoCdApplicationProps' | 'ArgoCdApplicationSetProps'
  | 'ArgoCdClusterProps' | 'ArgoCdClusterAddonsProps' | 'FluxGitRepositoryProps' | 'FluxKustomizationProps';

let ajv: Ajv | undefined;
const validators = new Map<CheckedKind, ValidateFunction>();

/** The validator of KIND, compiled once per process (a fleet checks every virtual cluster's props). */
function validatorOf(kind: CheckedKind): ValidateFunction {
  let validate = validators.get(kind);
  if (validate === undefined) {
    if (ajv === undefined) {
      // Formats (a Date's "date-time") are the declarations' business, not the check's.
      ajv = new Ajv({ allErrors: false, verbose: true, validateFormats: false, allowUnionTypes: true });
      ajv.addKeyword({ keyword: 'shape', schemaType: 'string', validate: (shape: string, data: unknown) => SHAPES[shape].is(data), errors: true });
    }
    validate = ajv.compile({ definitions: PROPS_SCHEMA.definitions, $ref: `#/definitions/CheckedProps/properties/${kind}` });
    validators.set(kind, validate);
  }
  return validate;
}

/** Throws a ValuesError naming the first path of PROPS (the props or options of KIND) whose type its declaration does not allow. */
export function checkPropTypes(kind: CheckedKind, props: unknown): void {
  const check = validatorOf(kind);
  if (check(props)) return;
  const errors = check.errors ?? [];
  // The deepest path is the most precise: alternatives (boolean or options) fail at the prop and below it.
  const depth = Math.max(...errors.map((e) => pathOf(e).length));
  const here = errors.filter((e) => pathOf(e).length === depth);
  const unknown = here.find((e) => e.keyword === 'additionalProperties');
  if (unknown) {
    const path = formatPath([...pathOf(unknown), unknown.params.additionalProperty as string]);
    throw new ValuesError(path, `${path}: no such prop. Check its spelling against the props' declarations, or remove it.`);
  }
  const missing = here.find((e) => e.keyword === 'required');
  if (missing) {
    const path = formatPath([...pathOf(missing), missing.params.missingProperty as string]);
    throw new ValuesError(path, `${path}: required, but not given. Set it.`);
  }
  const expected = [...new Set(here.flatMap(expectation))];
  const path = formatPath(pathOf(here[0]));
  throw new ValuesError(path, `${path}: expected ${expected.join(' or ')}, got ${typeOf(here[0].data)}.`);
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
