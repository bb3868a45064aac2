/**
 * Generates imports/props-schema.json, the JSON schema of the typed props the constructs check
 * at run time (JavaScript callers, `as any`, props read from JSON), from their TypeScript
 * declarations, so that the check and the types are one definition. The test suite checks that
 * the committed file is what this generates.
 *
 * Usage: npm run generate:props (after npm run generate, when the values model changed).
 *
 * From the declarations as ts-json-schema-generator reads them, with these changes:
 * - types the library recognises by their shape (see SHAPES) become `{ "shape": name }`,
 *   checked by src/props/props-schema.ts: a class's private fields say nothing of its shape;
 * - enums and literals become their type: the props' own checks name the allowed values;
 * - `values` (vcluster.yaml) is checked by the chart's schema after merging, so it is left open.
 */
import { writeFileSync } from 'fs';
import * as path from 'path';
import { createGenerator } from 'ts-json-schema-generator';
import type { ArgoCdApplicationProps, ArgoCdApplicationSetProps } from '../src/argocd';
import type { ArgoCdClusterProps } from '../src/gitops/argocd-cluster';
import type { ArgoCdClusterAddonsProps } from '../src/gitops/argocd-cluster-addons';
import type { FluxGitRepositoryProps } from '../src/gitops/flux-git-repository';
import type { FluxKustomizationProps } from '../src/gitops/flux-kustomization';
import type { VClusterProps } from '../src/props/vcluster-props';
import type { AddVolumeOptions } from '../src/vcluster';

/**
 * The props and options the schema covers, by the name the check is asked for: VClusterProps
 * (`values` left to the chart's schema), the add-methods' options, the ArgoCD and Flux constructs' props.
 */
export interface CheckedProps {
  readonly VClusterProps: Omit<VClusterProps, 'values'>;
  readonly AddVolumeOptions: AddVolumeOptions;
  readonly ArgoCdApplicationProps: ArgoCdApplicationProps;
  readonly ArgoCdApplicationSetProps: ArgoCdApplicationSetProps;
  readonly ArgoCdClusterProps: ArgoCdClusterProps;
  readonly ArgoCdClusterAddonsProps: ArgoCdClusterAddonsProps;
  readonly FluxGitRepositoryProps: FluxGitRepositoryProps;
  readonly FluxKustomizationProps: FluxKustomizationProps;
}

const PROJECT_ROOT = path.resolve(__dirname, '..');
export const PROPS_SCHEMA_FILE = path.join(PROJECT_ROOT, 'imports', 'props-schema.json');

/** Declarations checked by their shape (src/props/props-schema.ts): definition name → shape name. */
const SHAPES: { readonly [definition: string]: string } = {
  Size: 'Size',
  Duration: 'Duration',
  Cpu: 'Cpu',
  IConstruct: 'Construct',
  BackingStore: 'BackingStore',
  ConfigSecret: 'ConfigSecret',
  VCluster: 'VCluster',
  FluxGitRepository: 'FluxGitRepository',
  FluxKustomization: 'FluxKustomization',
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Node = { [key: string]: Json };

/** The schema as JSON text, formatted as committed. */
export function generatePropsSchema(): string {
  const generated = createGenerator({
    path: path.join(__dirname, 'generate-props-schema.ts'),
    type: 'CheckedProps',
    tsconfig: path.join(PROJECT_ROOT, 'tsconfig.json'),
    jsDoc: 'none',
    skipTypeCheck: true,
    sortProps: true,
    topRef: true,
  }).createSchema('CheckedProps') as unknown as Node;
  const definitions = generated.definitions as { [name: string]: Node };
  for (const [name, shape] of Object.entries(SHAPES)) if (definitions[name]) definitions[name] = { shape };
  const vcluster = resolve(definitions, (definitions.CheckedProps.properties as { [name: string]: Node }).VClusterProps) as { properties: Node };
  vcluster.properties = { ...vcluster.properties, values: {} };
  const schema = simplify({ $ref: '#/definitions/CheckedProps', definitions: reachable(definitions, 'CheckedProps') }) as Node;
  return `${JSON.stringify(schema, null, 1)}\n`;
}

/** A node, or the definition it refers to. */
function resolve(definitions: { [name: string]: Node }, node: Node): Node {
  return typeof node.$ref === 'string' ? definitions[decodeURIComponent(node.$ref.replace('#/definitions/', ''))] : node;
}

/** Enums and literals as their type. */
function simplify(node: Json): Json {
  if (Array.isArray(node)) return node.map(simplify);
  if (node === null || typeof node !== 'object') return node;
  const out: Node = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'enum' || k === 'const') continue;
    out[k] = simplify(v);
  }
  if (('enum' in node || 'const' in node) && out.type === undefined) {
    const values = (node.enum as Json[] | undefined) ?? [node.const];
    const types = [...new Set(values.map((v) => (v === null ? 'null' : typeof v)))];
    out.type = types.length === 1 ? types[0] : types;
  }
  return out;
}

/** The definitions reachable from ROOT, in name order. */
function reachable(definitions: { [name: string]: Node }, root: string): { [name: string]: Node } {
  const names = new Set<string>();
  const visit = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const ref = node.$ref;
    if (typeof ref === 'string') {
      const name = decodeURIComponent(ref.replace('#/definitions/', ''));
      if (!names.has(name)) {
        names.add(name);
        visit(definitions[name]);
      }
    }
    Object.values(node).forEach(visit);
  };
  names.add(root);
  visit(definitions[root]);
  return Object.fromEntries([...names].sort().map((n) => [n, definitions[n]]));
}

if (require.main === module) {
  writeFileSync(PROPS_SCHEMA_FILE, generatePropsSchema());
  console.log(`wrote ${path.relative(process.cwd(), PROPS_SCHEMA_FILE)}`);
}
