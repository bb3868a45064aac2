import { ValueMap } from '../values/value-map';
import { fail } from './validation';

/**
 * The third state of the sync switches that have one, beside `true` and `false`. Only where the
 * chart has it: CSI and StorageClass sync from the host, ReferenceGrants to the host.
 */
export enum SyncMode {
  /**
   * vCluster decides: it syncs the resource when a feature needs it (for storage, when the
   * virtual scheduler runs).
   */
  AUTO = 'auto',
}

/** `true`, `false` or `SyncMode.AUTO` as `{ enabled }`. */
export function syncSwitch(prop: string, v: boolean | SyncMode | undefined, autoAllowed: boolean): ValueMap | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'boolean' || (autoAllowed && v === SyncMode.AUTO)) return { enabled: v };
  return fail(prop, v, autoAllowed ? 'use true, false or SyncMode.AUTO.' : 'use true or false.');
}
