import { RenderContext } from './context';
import { isTrueString } from './go-template';
import { truthy } from '../values/go-values';
import { diagnostic } from '../values/diagnostic';
import { ValuesError } from '../values/errors';

/**
 * Which backing store the control plane uses (`_backingstore.tpl`). Exactly one may be enabled;
 * none enabled means the embedded database (SQLite).
 */
export function embeddedDatabaseEnabled(ctx: RenderContext): boolean {
  const bs = ctx.values.controlPlane?.backingStore ?? {};
  const enabled: string[] = [];
  if (truthy(bs.etcd?.embedded?.enabled)) enabled.push('etcd.embedded');
  if (truthy(bs.etcd?.deploy?.enabled)) enabled.push('etcd.deploy');
  if (truthy(bs.etcd?.external?.enabled)) enabled.push('etcd.external');
  if (truthy(bs.database?.embedded?.enabled)) enabled.push('database.embedded');
  if (truthy(bs.database?.external?.enabled)) enabled.push('database.external');
  if (enabled.length > 1) {
    throw new ValuesError([diagnostic({
      path: ['controlPlane', 'backingStore'],
      message: `you can only enable one backingStore at the same time, found ${enabled.length} enabled (${enabled.join(', ')}).`,
      fix: 'Keep one and set enabled: false on the others.',
    })]);
  }
  return enabled.length === 0 || enabled[0] === 'database.embedded';
}

export function embeddedEtcdEnabled(ctx: RenderContext): boolean {
  return truthy(ctx.values.controlPlane?.backingStore?.etcd?.embedded?.enabled);
}

export function deployedEtcdEnabled(ctx: RenderContext): boolean {
  return truthy(ctx.values.controlPlane?.backingStore?.etcd?.deploy?.enabled);
}

/** `vcluster.etcd.embedded.migrate`. */
export function migrateFromDeployedEtcd(ctx: RenderContext): boolean {
  const embedded = ctx.values.controlPlane?.backingStore?.etcd?.embedded;
  return truthy(embedded?.enabled) && truthy(embedded?.migrateFromDeployedEtcd);
}

/** `vcluster.persistence.volumeClaim.enabled` (`_persistence.tpl`). */
export function volumeClaimEnabled(ctx: RenderContext): boolean {
  const persistence = ctx.values.controlPlane?.statefulSet?.persistence ?? {};
  if (truthy(persistence.volumeClaimTemplates)) return true;
  const enabled = persistence.volumeClaim?.enabled;
  if (isTrueString(enabled)) return true;
  return enabled === 'auto' && (embeddedDatabaseEnabled(ctx) || embeddedEtcdEnabled(ctx));
}

/** `vcluster.kind`: the control plane is a StatefulSet when it keeps state on a volume claim. */
export function controlPlaneKind(ctx: RenderContext): 'StatefulSet' | 'Deployment' {
  return volumeClaimEnabled(ctx) || embeddedEtcdEnabled(ctx) ? 'StatefulSet' : 'Deployment';
}
