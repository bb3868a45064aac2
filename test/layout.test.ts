import { readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

/**
 * The folders follow the pipeline, lowest first: each may import only from its own layer and
 * the layers below. Constructs at the top of src/ (vcluster.ts, argocd.ts, ...) sit above the
 * typed props; the importer and the CLI above them.
 */
const LAYERS: ReadonlyArray<readonly string[]> = [
  ['imports/'],
  ['src/values/'],
  ['src/yaml/'],
  ['src/render/'],
  ['src/analysis/', 'src/preflight/'],
  ['src/pipeline.ts', 'src/api-objects.ts'],
  ['src/props/', 'src/secrets/'],
  ['src/*.ts'],
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
 * The modules each source file loads: its relative imports, without `import type` (erased when
 * compiled, so they load nothing and make no cycle at run time).
 */
function runtimeImports(file: string, known: ReadonlySet<string>): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gm)]
    .filter((m) => m[1] === undefined)
    .map((m) => {
      const target = relative(ROOT, resolve(ROOT, dirname(file), m[2]));
      return known.has(`${target}.ts`) || target.startsWith('imports/') ? `${target}.ts` : `${target}/index.ts`;
    });
}

describe('the source layout', () => {
  const files = sources(join(ROOT, 'src'));
  const graph = new Map(files.map((f) => [f, runtimeImports(f, new Set(files))]));

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
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, stack: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...stack.slice(stack.indexOf(f)), f].join(' -> '));
        return;
      }
      state.set(f, 'open');
      for (const d of graph.get(f) ?? []) visit(d, [...stack, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
