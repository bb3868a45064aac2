import { VClusterValues } from '../../imports/chart-versions';
import { fromHostValues, FromHostSyncOptions } from './sync-from-host';
import { toHostValues, ToHostSyncOptions } from './sync-to-host';

/**
 * Which resources sync between the virtual cluster and the host (vcluster.yaml `sync`), e.g.
 * `{ fromHost: { storageClasses: true, ingressClasses: true }, toHost: { ingresses: true } }`.
 */
export interface SyncOptions {
  /**
   * From the virtual cluster to the host.
   * @default - the chart's: pods, services, endpoints, claims and the ConfigMaps and Secrets
   * pods use
   */
  readonly toHost?: ToHostSyncOptions;

  /**
   * From the host into the virtual cluster.
   * @default - the chart's: events; StorageClasses and CSI objects in `SyncMode.AUTO`
   */
  readonly fromHost?: FromHostSyncOptions;
}

/** The `sync` section. */
export function syncSection(sync: SyncOptions): VClusterValues['sync'] {
  return { toHost: toHostValues(sync.toHost), fromHost: fromHostValues(sync.fromHost) };
}
