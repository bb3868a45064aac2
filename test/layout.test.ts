import { readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

/**
 * The folders follow the pipeline, lowest first: each may import only from its own layer and
 * the layers below. Constructs at the top of src/ (vcluster.ts, argocd.ts, ...) sit above the
 * typed props; the GitOps constructs over them, the importer and the CLI above.
 */
const LAYERS: ReadonlyArray<readonly string[]> = [
  ['imports/'],
  ['src/values/'],
  ['src/yaml/'],
  ['src/render/'],
  ['src/analysis/', 'src/preflight/'],
  ['src/pipeline.ts', 'src/api-objects.ts'],
  ['src/secrets/'],
  ['src/props/'],
  ['src/*.ts'],
  ['src/gitops/'],
  ['src/import/'],
  ['src/cli/'],
  ['src/index.ts'],
];

const ROOT = resolve(__dirname, '..');

function layerOf(file: string): number {
  const exact = LAYERS.findIndex((l) => l.includes(file));
  if (exact >= 0) return exact;
  const folder = LAYERS.findIndex((l) => l.some((p) => p.endsWith('/') && file.startsWith(p)));
  if (folder >= 0) return folder;
  if (/^src\/[^/]+\.ts$/.test(file)) return LAYERS.findIndex((l) => l.includes('src/*.ts'));
  throw new Error(`${file} is in no layer: add its folder to LAYERS`);
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [relative(ROOT, path)] : [];
  });
}

/**
 * The modules each source file imports, by relative path: `import type` and `export type` too,
 * since a cycle of types still ties the modules together.
 */
function imports(file: string, known: ReadonlySet<string>): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\s+(?:type\s+)?[^;]*?from\s+'(\.[^']+)'/gm)].map((m) => {
    const target = relative(ROOT, resolve(ROOT, dirname(file), m[1]));
    return known.has(`${target}.ts`) || target.startsWith('imports/') ? `${target}.ts` : `${target}/index.ts`;
  });
}

describe('the source layout', () => {
  const files = sources(join(ROOT, 'src'));
  const graph = new Map(files.map((f) => [f, imports(f, new Set(files))]));

  test('every import goes to the same layer or one below', () => {
    const upward = [...graph].flatMap(([f, deps]) => deps.filter((d) => layerOf(d) > layerOf(f)).map((d) => `${f} -> ${d}`));
    expect(upward).toEqual([]);
  });

  test('src/render imports nothing above it', () => {
    const above = files.filter((f) => f.startsWith('src/render/')).flatMap((f) => graph.get(f)!)
      .filter((d) => !['src/render/', 'src/values/', 'src/yaml/', 'imports/'].some((p) => d.startsWith(p)));
    expect(above).toEqual([]);
  });

  test('no module imports itself through others', () => {
    expect(cyclesIn(graph)).toEqual([]);
  });

  test('no folder of src/ (with its subfolders) imports itself through others', () => {
    // src/props/decode/x.ts is in src/props; src/vcluster.ts in src; imports/0.36.1/x.ts in imports. src/index.ts
    // only re-exports, from every layer (src/gitops too, which builds on src/*.ts): it is a node of its own.
    const folderOf = (f: string) => {
      if (f === 'src/index.ts') return f;
      const parts = f.split('/');
      return parts[0] === 'imports' || parts.length === 2 ? parts[0] : parts.slice(0, 2).join('/');
    };
    const folders = new Map<string, string[]>();
    for (const [f, deps] of graph) {
      const from = folderOf(f);
      const to = deps.map(folderOf).filter((d) => d !== from);
      folders.set(from, [...new Set([...(folders.get(from) ?? []), ...to])]);
    }
    expect(cyclesIn(folders)).toEqual([]);
  });
});

/** Each cycle of GRAPH found by a depth-first walk, as `a -> b -> a`. */
function cyclesIn(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, stack: string[]): void => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      cycles.push([...stack.slice(stack.indexOf(node)), node].join(' -> '));
      return;
    }
    state.set(node, 'open');
    for (const next of graph.get(node) ?? []) visit(next, [...stack, node]);
    state.set(node, 'done');
  };
  for (const node of graph.keys()) visit(node, []);
  return cycles;
}
