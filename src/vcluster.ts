import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { toApiObject } from './api-objects';
import { renderChart } from './pipeline';
import { VClusterValues } from '../imports/vcluster-values';
import { ValueMap } from './render/go-template';
import { DEFAULT_KUBE_VERSION } from './values/kube-version';

/** Properties of a {@link VCluster}. */
export interface VClusterProps {
  /**
   * The virtual cluster's name: Helm's release name. Names the control plane, its services and
   * its config Secret (`vc-config-<name>`).
   * @default - the construct id
   */
  readonly name?: string;

  /**
   * The host namespace the virtual cluster runs in.
   * @default - the enclosing chart's namespace, else the name
   */
  readonly namespace?: string;

  /**
   * The host cluster's Kubernetes version (`helm template --kube-version`). The chart renders
   * differently below 1.27 (no StatefulSet PVC retention policy) and from 1.35.
   * @default "1.33.1"
   */
  readonly kubeVersion?: string;

  /**
   * vcluster.yaml values, exactly as they would be passed to `helm install -f`. Coalesced with
   * the chart 0.36.1 defaults the way Helm does (a `null` deletes a default).
   * @default - the chart defaults
   */
  readonly values?: VClusterValues;
}

/**
 * A vCluster virtual Kubernetes cluster: the objects the vCluster Helm chart 0.36.1 renders for
 * the given values, as cdk8s ApiObjects, without helm.
 */
export class VCluster extends Construct {
  /** The release name. */
  public readonly name: string;
  /** The host namespace. */
  public readonly namespace: string;
  /** The full values the virtual cluster runs with (chart defaults coalesced with the given values). */
  public readonly values: ValueMap;
  /** Every rendered object, in Helm's install order. */
  public readonly apiObjects: readonly ApiObject[];

  public constructor(scope: Construct, id: string, props: VClusterProps = {}) {
    super(scope, id);
    this.name = props.name ?? id;
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? this.name;
    const result = renderChart({
      name: this.name,
      namespace: this.namespace,
      kubeVersion: props.kubeVersion ?? DEFAULT_KUBE_VERSION,
      values: props.values === undefined ? [] : [props.values as ValueMap],
    });
    this.values = result.values;
    this.apiObjects = result.objects.map((o) => toApiObject(this, o.id, o.manifest));
  }

  /** The rendered object with the given construct id (e.g. "ControlPlane"), if it was rendered. */
  public findApiObject(id: string): ApiObject | undefined {
    return this.apiObjects.find((o) => o.node.id === id);
  }
}
