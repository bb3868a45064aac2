import type { k8s } from 'cdk8s-plus-31';
import { cdk8sPlus } from './cdk8s-plus';
import { ControlPlane, VolumeMount } from '../../imports/chart-versions';
import { plainJson } from './fragment';
import { fail } from './validation';
import { volumeClaimValues, VolumeClaimOptions } from './persistence';
import { RootlessIds } from './rootless';
import { workloadValues, WorkloadOptions } from './workload';

/** The control plane's own volume claim. */
export interface ControlPlanePersistenceOptions extends VolumeClaimOptions {
  /**
   * Keep the control plane's data on a volume claim (the control plane then runs as a
   * StatefulSet).
   * @default - only when the backing store is embedded (the embedded database or embedded
   * etcd); with deployed or external etcd the data lives there and the claim settings are unused
   */
  readonly enabled?: boolean;
}

/**
 * The control plane workload: the pods running the virtual cluster's API server and syncer
 * (vcluster.yaml `controlPlane.statefulSet`).
 */
export interface ControlPlaneOptions extends WorkloadOptions {
  /**
   * Control plane replicas. More than one needs a backing store that replicates (etcd or an
   * external database).
   * @default 1
   */
  readonly replicas?: number;

  /**
   * The control plane's volume claim.
   * @default - a 5Gi claim of the default StorageClass, used only with an embedded backing store
   */
  readonly persistence?: ControlPlanePersistenceOptions;

  /**
   * Extra volumes of the control-plane pods, e.g. `{ name: 'db-ca', secret: { secretName:
   * 'db-ca' } }` for a database's CA certificate (`persistence.addVolumes`). Helm's `tpl`
   * runs over them, as the chart does.
   * @default - none
   */
  readonly volumes?: k8s.Volume[];

  /**
   * The volumes that hold the control plane's data (the `data` volume, mounted at /data) instead
   * of the volume claim or the chart's emptyDir, e.g. a claim made beforehand: `[{ name: 'data',
   * persistentVolumeClaim: { claimName: 'my-existing-pvc' } }]` (`persistence.dataVolume`).
   * @default - the volume claim, else an emptyDir
   */
  readonly dataVolume?: k8s.Volume[];

  /**
   * Extra volume mounts of the control-plane container, e.g. `{ name: 'db-ca', mountPath:
   * '/certs/db', readOnly: true }` (`persistence.addVolumeMounts`).
   * @default - none
   */
  readonly volumeMounts?: k8s.VolumeMount[];

  /**
   * Environment variables of the control-plane container, after the chart's own (VCLUSTER_NAME,
   * POD_NAME, ...), e.g. `[{ name: 'DEBUG', value: 'true' }]`.
   * @default - none
   */
  readonly env?: k8s.EnvVar[];

  /**
   * The control-plane container's command, replacing the image's entrypoint.
   * @default - the image's
   */
  readonly command?: string[];

  /**
   * The control-plane container's arguments, replacing the image's. Flags of the Kubernetes
   * components go to `distro.apiServer.extraArgs` and its siblings instead.
   * @default - the image's
   */
  readonly args?: string[];
}

/** The `controlPlane.statefulSet` section. */
export function controlPlaneSection(cp: ControlPlaneOptions, ids: RootlessIds | undefined): ControlPlane['statefulSet'] {
  const prop = 'controlPlane';
  const workload = workloadValues(prop, cp)(ids);
  const persistence = cp.persistence;
  if (cp.dataVolume !== undefined && !cp.dataVolume.some((v) => v.name === 'data')) {
    fail(`${prop}.dataVolume`, cp.dataVolume, 'the control-plane container mounts the volume "data": name one of these volumes "data".');
  }
  return {
    ...workload,
    env: cp.env?.map((e) => plainJson(cdk8sPlus().k8s.toJson_EnvVar(e))),
    command: cp.command && [...cp.command],
    args: cp.args && [...cp.args],
    highAvailability: { replicas: cp.replicas },
    persistence: {
      volumeClaim: persistence && { enabled: persistence.enabled, ...volumeClaimValues(`${prop}.persistence`, persistence) },
      dataVolume: cp.dataVolume?.map((v) => plainJson(cdk8sPlus().k8s.toJson_Volume(v))),
      addVolumes: cp.volumes?.map((v) => plainJson(cdk8sPlus().k8s.toJson_Volume(v))),
      addVolumeMounts: cp.volumeMounts?.map((m) => plainJson(cdk8sPlus().k8s.toJson_VolumeMount(m))) as VolumeMount[] | undefined,
    },
  };
}
