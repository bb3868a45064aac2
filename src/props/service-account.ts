import { ControlPlane } from '../../imports/chart-versions';
import { fail } from './validation';
import { isDnsSubdomain } from '../values/names';

/**
 * A ServiceAccount of the host namespace that the chart creates or that an administrator made
 * (vcluster.yaml `controlPlane.advanced.serviceAccount`, `.workloadServiceAccount`). Its image
 * pull secrets are the `imagePullSecrets` prop.
 */
export interface ServiceAccountOptions {
  /**
   * Whether the chart creates the ServiceAccount. `false` uses one that exists already, e.g. made
   * by an administrator where users may not create RBAC objects (give its `name`).
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * The ServiceAccount's name.
   * @default - `vc-<name>` for the control plane's, `vc-workload-<name>` for the workloads'
   */
  readonly name?: string;

  /**
   * Labels of the ServiceAccount, beside the chart's.
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };

  /**
   * Annotations of the ServiceAccount, e.g. a cloud IAM role
   * (`eks.amazonaws.com/role-arn`).
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };
}

type Advanced = NonNullable<ControlPlane['advanced']>;

function serviceAccountValues(prop: string, sa: ServiceAccountOptions) {
  if (sa.name !== undefined && !isDnsSubdomain(sa.name)) {
    fail(`${prop}.name`, sa.name, 'must be a ServiceAccount name: lowercase letters, digits, \'-\' and \'.\', e.g. "custom-vc-sa".');
  }
  return { enabled: sa.enabled, name: sa.name, labels: sa.labels && { ...sa.labels }, annotations: sa.annotations && { ...sa.annotations } };
}

/** The `controlPlane.advanced.serviceAccount` section but for its image pull secrets. */
export function serviceAccountSection(sa: ServiceAccountOptions): Advanced['serviceAccount'] {
  return serviceAccountValues('serviceAccount', sa);
}

/** The `controlPlane.advanced.workloadServiceAccount` section but for its image pull secrets. */
export function workloadServiceAccountSection(sa: ServiceAccountOptions): Advanced['workloadServiceAccount'] {
  return serviceAccountValues('workloadServiceAccount', sa);
}
