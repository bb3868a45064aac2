import type { ExperimentalSyncSettings } from '../../imports/chart-versions';
import { fail, hostPort } from './validation';

/** Settings of vCluster's syncer (vcluster.yaml `experimental.syncSettings`). */
export interface SyncSettingsOptions {
  /**
   * Whether vCluster sets an owner reference to its Service on the objects it syncs to the host,
   * so that deleting the virtual cluster's Service garbage-collects them. `false` for tools that
   * follow owner references, e.g. the KAI scheduler's pod-grouper. vCluster skips it in
   * multi-namespace mode, where cross-namespace owners do not work.
   * @default true
   */
  readonly setOwner?: boolean;

  /**
   * Where the syncer's manager for the host cluster serves its metrics: host:port, e.g. ":8080"
   * or "127.0.0.1:8080", or "0" for none.
   * @default "0" (no metrics)
   */
  readonly hostMetricsBindAddress?: string;

  /**
   * Where the syncer's manager for the virtual cluster serves its metrics: host:port, e.g.
   * ":8081", or "0" for none.
   * @default "0" (no metrics)
   */
  readonly virtualMetricsBindAddress?: string;
}

/** A controller-runtime metrics bind address: "0" switches the server off, else it listens there. */
function bindAddress(prop: string, value: string | undefined): string | undefined {
  if (value !== undefined && value !== '0' && hostPort(value) === undefined) {
    fail(prop, value, 'must be host:port to serve the metrics at, e.g. ":8080" or "127.0.0.1:8080" (an IPv6 address in brackets), '
      + 'or "0" for no metrics.');
  }
  return value;
}

/** The `experimental.syncSettings` section. */
export function syncSettingsSection(s: SyncSettingsOptions): ExperimentalSyncSettings {
  return {
    setOwner: s.setOwner,
    hostMetricsBindAddress: bindAddress('syncSettings.hostMetricsBindAddress', s.hostMetricsBindAddress),
    virtualMetricsBindAddress: bindAddress('syncSettings.virtualMetricsBindAddress', s.virtualMetricsBindAddress),
  };
}
