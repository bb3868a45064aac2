import { Duration } from 'cdk8s';
import { isMap } from '../../values/value-map';
import {
  AzureSnapshotStorageOptions, ContainerSnapshotStorageOptions, OciSnapshotStorageOptions, S3SnapshotStorageOptions, SnapshotStorage,
} from '../snapshots';
import { Candidate, factory, leaf, object, ObjectCandidate } from './candidate';
import { at, bool, imp, num, str } from './candidates';
import { atom } from './expr';

/** A whole number of days as `Duration.days(n)`. */
function days(v: unknown) {
  return leaf(typeof v === 'number' && Number.isInteger(v) && v > 0 ? atom(Duration.days(v), `Duration.days(${v})`, [imp('Duration')]) : undefined);
}

const credential = (v: unknown) => object({ secretName: str(at(v, 'secretName')), secretNamespace: str(at(v, 'secretNamespace')) }, {
  required: ['secretName'],
});

/** The storage section as the factory of its `type`. */
function storage(s: unknown): Candidate | undefined {
  const type = at(s, 'type');
  const section = at(s, typeof type === 'string' ? type : '');
  const call = <O>(name: string, make: (o: O) => SnapshotStorage, options: ObjectCandidate | undefined) =>
    options && factory(`SnapshotStorage.${name}`, [imp('SnapshotStorage')], (o) => make(o as unknown as O), options, true);
  switch (type) {
    case 's3':
      return call<S3SnapshotStorageOptions>('s3', SnapshotStorage.s3, object({
        url: str(at(section, 'url')), credential: credential(at(section, 'credential')),
      }, { required: ['url'] }));
    case 'oci':
      return call<OciSnapshotStorageOptions>('oci', SnapshotStorage.oci, object({
        repository: str(at(section, 'repository')), credential: credential(at(section, 'credential')), username: str(at(section, 'username')),
        // A credential in clear: the program's configSecret (which the importer writes) says where it goes.
        password: str(at(section, 'password')),
      }, { required: ['repository'] }));
    case 'container': {
      const volume = at(section, 'volume');
      return call<ContainerSnapshotStorageOptions>('container', SnapshotStorage.container, object({
        path: str(at(section, 'path')),
        volume: object({ name: str(at(volume, 'name')), path: str(at(volume, 'path')) }, { required: ['name', 'path'] }),
      }, { required: ['path', 'volume'] }));
    }
    case 'azure':
      return call<AzureSnapshotStorageOptions>('azure', SnapshotStorage.azure, object({
        blobUrl: str(at(section, 'blobUrl')), credential: credential(at(section, 'credential')),
      }, { required: ['blobUrl'] }));
    default:
      return undefined;
  }
}

export function decodeSnapshots(s: unknown) {
  const auto = at(s, 'auto');
  return object({
    auto: isMap(auto) ? object({
      // The storage right after the schedule: each is refused without the other, and the rest need both.
      schedule: str(at(auto, 'schedule')),
      storage: storage(at(auto, 'storage')),
      timezone: str(at(auto, 'timezone')),
      retentionPeriod: days(at(auto, 'retention', 'period')),
      maxSnapshots: num(at(auto, 'retention', 'maxSnapshots')),
      volumes: bool(at(auto, 'volumes', 'enabled')),
    }, { required: ['schedule', 'storage'] }) : undefined,
  });
}
