import { VClusterValues } from '../../imports/chart-versions';
import { mergeValueFiles } from '../values/coalesce';
import { plainValues } from '../values/user-values';
import { ValueMap } from '../values/value-map';
import { mergeFragments } from './fragment';
import { typedValues } from './table';
import type { VClusterProps } from './vcluster-props';

/** The vcluster.yaml values a VCluster's props write (the first stage of `VCluster`, before `resolveValues`). */
export interface PropsValues {
  /** What the typed props and the config Secret write, before the raw values: a value found here came from a prop. */
  readonly typed: VClusterValues;
  /** The user values: `typed` with the raw `values` prop merged over it, as one vcluster.yaml. */
  readonly values: VClusterValues;
}

/**
 * The vcluster.yaml values of the props (without the chart's defaults, unchecked by the chart's
 * rules), e.g. to write a vcluster.yaml for `helm install -f` or for another output:
 * `propsValues({ controlPlane: { replicas: 3 }, backingStore: BackingStore.deployedEtcd() }).values`.
 * A VCluster renders the same values (with what its add-methods added and its `prepareValues`).
 */
export function propsValues(props: VClusterProps): PropsValues {
  const typed = mergeFragments(typedValues(props), props.configSecret?._values() ?? {});
  const values = plainValues(mergeValueFiles([typed as ValueMap, (props.values ?? {}) as ValueMap]), 'values');
  return { typed, values };
}
