import { Size } from 'cdk8s';
import type { PersistentVolumeAccessMode } from 'cdk8s-plus-31';
import { cdk8sPlus } from './cdk8s-plus';
import { VolumeClaim } from '../../imports/chart-versions';
import { sizeQuantity } from './quantities';
import { checkOneOf, fail } from './validation';

/** What happens to a StatefulSet's volume claims when the StatefulSet is deleted. */
export enum RetentionPolicy {
  /** The claims and their data stay. */
  RETAIN = 'Retain',
  /** The claims are deleted with the StatefulSet. */
  DELETE = 'Delete',
}

/** The volume claim a StatefulSet keeps its data on. */
export interface VolumeClaimOptions {
  /**
   * The StorageClass of the claim.
   * @default - the host cluster's default StorageClass
   */
  readonly storageClass?: string;

  /**
   * The size of the claim.
   * @default Size.gibibytes(5)
   */
  readonly size?: Size;

  /**
   * What happens to the claim when the virtual cluster is deleted. Takes effect on host
   * clusters from Kubernetes 1.27.
   * @default RetentionPolicy.RETAIN
   */
  readonly retentionPolicy?: RetentionPolicy;

  /**
   * The access mode of the claim. One mode only: the chart prints a list of several as one
   * string, which Kubernetes refuses.
   * @default PersistentVolumeAccessMode.READ_WRITE_ONCE
   */
  readonly accessMode?: `${PersistentVolumeAccessMode}`;
}

/** The claim as `volumeClaim` values (without `enabled`, which differs between its users). */
export function volumeClaimValues(prop: string, claim: VolumeClaimOptions): VolumeClaim {
  if (claim.storageClass !== undefined && claim.storageClass.trim() === '') {
    fail(`${prop}.storageClass`, claim.storageClass, 'give a StorageClass name, or leave it out for the default StorageClass.');
  }
  if (claim.accessMode !== undefined) {
    checkOneOf(`${prop}.accessMode`, claim.accessMode, cdk8sPlus().PersistentVolumeAccessMode, 'use a PersistentVolumeAccessMode, e.g. ' +
      'PersistentVolumeAccessMode.READ_WRITE_ONCE.');
  }
  return {
    storageClass: claim.storageClass,
    size: claim.size === undefined ? undefined : sizeQuantity(`${prop}.size`, claim.size),
    retentionPolicy: claim.retentionPolicy,
    accessModes: claim.accessMode === undefined ? undefined : [claim.accessMode],
  };
}
