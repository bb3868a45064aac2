/** ArgoCD applies lower sync waves first. */
export const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';

/** Per-object ArgoCD sync options, comma-separated. */
export const SYNC_OPTIONS_ANNOTATION = 'argocd.argoproj.io/sync-options';

/**
 * The annotations of a Namespace the construct emits: created before everything in it (wave -1)
 * and, with deletion protection, never pruned when it leaves git and never deleted when its
 * Application is deleted with cascade (deleting a Namespace deletes every object and volume
 * claim in it).
 */
export function namespaceAnnotations(deletionProtection: boolean): { [key: string]: string } {
  return {
    [SYNC_WAVE_ANNOTATION]: '-1',
    ...(deletionProtection ? { [SYNC_OPTIONS_ANNOTATION]: 'Prune=false,Delete=false' } : {}),
  };
}
