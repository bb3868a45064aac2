import { ControlPlane } from '../../imports/chart-versions';
import { checkNonEmpty } from './validation';

/**
 * Image pull secrets of the virtual cluster's service accounts: Secrets of the host namespace,
 * by name (vcluster.yaml `controlPlane.advanced.serviceAccount.imagePullSecrets` and
 * `workloadServiceAccount.imagePullSecrets`).
 */
export interface ImagePullSecretsOptions {
  /**
   * For the control plane's service account. The chart gives them to the workload service
   * account too.
   * @default - none
   */
  readonly controlPlane?: string[];

  /**
   * For the workload service account only: the pods synced from the virtual cluster.
   * @default - none
   */
  readonly workload?: string[];
}

export function imagePullSecretsValues(secrets: ImagePullSecretsOptions | undefined): { controlPlane?: ControlPlane } {
  if (secrets === undefined) return {};
  const list = (key: 'controlPlane' | 'workload') => secrets[key]?.map((name, i) => {
    checkNonEmpty(`imagePullSecrets.${key}[${i}]`, name, 'give the name of a Secret of the host namespace.');
    return { name };
  });
  return {
    controlPlane: {
      advanced: {
        serviceAccount: { imagePullSecrets: list('controlPlane') },
        workloadServiceAccount: { imagePullSecrets: list('workload') },
      },
    },
  };
}
