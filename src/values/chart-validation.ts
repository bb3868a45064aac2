import { ValuesError } from './errors';
import { isMap, truthy, ValueMap } from '../render/go-template';

/**
 * The checks the chart's templates make before rendering (`_validate.tpl`,
 * `_exportKubeConfig.tpl`); the backing store check lives beside the backing store logic.
 */
export function validateChartRules(values: ValueMap): void {
  validateRemovedVolumeSnapshotKeys(values);
  validateExportKubeConfig(values);
}

const REMOVED_IN_0_36: ReadonlyArray<readonly [string, string]> = [
  ['sync.toHost', 'volumeSnapshots'],
  ['sync.toHost', 'volumeSnapshotContents'],
  ['sync.fromHost', 'volumeSnapshotClasses'],
  ['deploy', 'volumeSnapshotController'],
  ['rbac', 'enableVolumeSnapshotRules'],
];

function validateRemovedVolumeSnapshotKeys(values: ValueMap): void {
  for (const [parent, key] of REMOVED_IN_0_36) {
    const holder = parent.split('.').reduce<unknown>((v, k) => (isMap(v) ? v[k] : undefined), values);
    if (isMap(holder) && key in holder) {
      const path = `${parent}.${key}`;
      throw new ValuesError(path, `${path}: was removed in vCluster 0.36.0 and is no longer supported, found ${JSON.stringify(holder[key])}. Remove it from your values.`);
    }
  }
}

function validateExportKubeConfig(values: ValueMap): void {
  const ekc = values.exportKubeConfig;
  if (!isMap(ekc)) return;
  const nonBlank = (v: unknown) => truthy(v) && String(v).trim() !== '';
  const secretSet = isMap(ekc.secret) && (nonBlank(ekc.secret.name) || nonBlank(ekc.secret.namespace));
  const additional: unknown[] = Array.isArray(ekc.additionalSecrets) ? ekc.additionalSecrets : [];
  if (secretSet && additional.length > 0) {
    throw new ValuesError(
      'exportKubeConfig.additionalSecrets',
      'exportKubeConfig.secret and exportKubeConfig.additionalSecrets cannot be set at the same time. ' +
        'Move the secret into exportKubeConfig.additionalSecrets, or drop additionalSecrets.',
    );
  }
  additional.forEach((s, i) => {
    if (!isMap(s) || !(nonBlank(s.name) || nonBlank(s.namespace))) {
      const path = `exportKubeConfig.additionalSecrets[${i}]`;
      throw new ValuesError(path, `${path}: additional secret must have name and/or namespace set, found ${JSON.stringify(s)}.`);
    }
  });
}
