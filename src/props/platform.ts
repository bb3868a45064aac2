import type { VClusterValues } from '../../imports/chart-versions';
import { isDnsSubdomain } from '../values/names';
import { checkDnsLabel, checkNonEmpty, fail } from './validation';

/**
 * The Secret with the vCluster Platform access key (`platform.apiKey`): the Secret is named here,
 * its key never (it stays in the Secret, which you create on the host).
 */
export interface PlatformApiKeyOptions {
  /**
   * The Secret's name.
   * @default "vcluster-platform-api-key"
   */
  readonly secretName?: string;

  /**
   * The Secret's namespace; in another namespace than the virtual cluster's, the chart gives the
   * control plane a Role to read it (see `createRBAC`).
   * @default - the virtual cluster's namespace
   */
  readonly namespace?: string;

  /**
   * Create the Role and RoleBinding that let the control plane read the Secret in `namespace`.
   * @default true
   */
  readonly createRBAC?: boolean;
}

/** vCluster Platform (vcluster.yaml `platform`): where the access key is, and the project. */
export interface PlatformOptions {
  /**
   * The Secret with the access key (`apiKey`).
   * @default - vcluster-platform-api-key in the virtual cluster's namespace (or the LICENSE environment variable)
   */
  readonly apiKey?: PlatformApiKeyOptions;

  /**
   * The platform project to import the virtual cluster into.
   * @default - the platform's default
   */
  readonly project?: string;
}

/** The `platform` section. */
export function platformSection(platform: PlatformOptions): VClusterValues['platform'] {
  const key = platform.apiKey;
  if (key?.secretName !== undefined && !isDnsSubdomain(key.secretName)) {
    fail('platform.apiKey.secretName', key.secretName, 'must be a Secret name: lowercase letters, digits, \'-\' and \'.\', at most 253.');
  }
  if (key?.namespace !== undefined) checkDnsLabel('platform.apiKey.namespace', key.namespace, 'the Secret\'s namespace');
  if (key?.createRBAC !== undefined && key.namespace === undefined) {
    fail('platform.apiKey.createRBAC', key.createRBAC, 'is about reading the Secret in another namespace: give namespace, or leave it out.');
  }
  if (platform.project !== undefined) checkNonEmpty('platform.project', platform.project, 'give the project\'s name, or leave it out.');
  return {
    apiKey: key && { secretName: key.secretName, namespace: key.namespace, createRBAC: key.createRBAC },
    project: platform.project,
  };
}
