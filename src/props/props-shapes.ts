import { BackingStore } from './backing-store';
import { RemoteSecret } from './config-secret';
import { SnapshotStorage } from './snapshots';

/*
 * The value types the props schema checks by their shape (`{ "shape": name }`, see
 * tools/generate-props-schema.ts); the compiled validators (imports/props-validators.js) call
 * `isShape`.
 */

const hasMethods = (v: unknown, ...names: string[]): boolean =>
  typeof v === 'object' && v !== null && names.every((n) => typeof (v as Record<string, unknown>)[n] === 'function');

/**
 * The value types recognised by their public API, never by `instanceof` (as in ./quantities):
 * a user's app holds its own copy of cdk8s, constructs and cdk8s-plus-XX. Each with what the
 * message says is expected.
 */
export const SHAPES: { readonly [shape: string]: { readonly is: (v: unknown) => boolean; readonly expected: string } } = {
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
  SnapshotStorage: { is: (v) => v instanceof SnapshotStorage, expected: 'a SnapshotStorage, e.g. SnapshotStorage.s3({ url: "s3://..." })' },
  RemoteSecret: { is: (v) => v instanceof RemoteSecret, expected: 'a RemoteSecret, e.g. RemoteSecret.of({ key: "..." })' },
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

/** Whether V has the shape NAME (a key of SHAPES). */
export function isShape(name: string, v: unknown): boolean {
  return SHAPES[name].is(v);
}
