import type { Duration } from 'cdk8s';
import type { VClusterValues } from '../../imports/chart-versions';
import { goDuration } from './go-duration';

/**
 * What vCluster (with the vCluster Platform) does about deleting the virtual cluster (vcluster.yaml
 * `deletion`). Not the same as the construct's `deletionProtection`, which keeps ArgoCD from
 * deleting the host namespaces.
 */
export interface DeletionOptions {
  /**
   * Refuse to delete the virtual cluster (`deletion.prevent`).
   * @default false
   */
  readonly prevent?: boolean;

  /**
   * Delete the virtual cluster after it has been idle this long, in whole seconds (written as a Go
   * duration, e.g. "720h" for 30 days: `deletion.auto.afterInactivity`).
   * @default - never deleted automatically
   */
  readonly afterInactivity?: Duration;
}

/** The `deletion` section. */
export function deletionSection(deletion: DeletionOptions): VClusterValues['deletion'] {
  return {
    prevent: deletion.prevent,
    auto: deletion.afterInactivity === undefined ? undefined : { afterInactivity: goDuration('deletion.afterInactivity', deletion.afterInactivity) },
  };
}
