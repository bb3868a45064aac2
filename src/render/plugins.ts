import { plain, printed, quotedList, rangeKeys } from './go-template';
import { goString, truthy } from '../values/go-values';
import { clone, isMap, Value, ValueMap } from '../values/value-map';

/**
 * `_plugin.tpl`. Two generations of plugins: `plugins` (and `plugin` entries with version "v2")
 * are copied into a shared `plugins` volume by init containers; older `plugin` entries run as
 * sidecar containers. Go ranges over maps in key order, so every list is sorted by plugin name.
 */

const PLUGINS_VOLUME_MOUNT = { mountPath: '/plugins', name: 'plugins' };

/** `vcluster.plugins.volumes`: the shared plugins volume, when any plugin is copied into it. */
export function pluginVolumes(values: ValueMap): ValueMap[] {
  return usesPluginsVolume(values) ? [{ name: 'plugins', emptyDir: {} }] : [];
}

/** `vcluster.plugins.volumeMounts`: the syncer's mount of the shared plugins volume. */
export function pluginVolumeMounts(values: ValueMap): ValueMap[] {
  return usesPluginsVolume(values) ? [{ ...PLUGINS_VOLUME_MOUNT }] : [];
}

/** `vcluster.oldPlugins.initContainers` then `vcluster.plugins.initContainers`. */
export function pluginInitContainers(values: ValueMap): ValueMap[] {
  const registry = values.controlPlane?.advanced?.defaultImageRegistry;
  const v2 = entries(values.plugin)
    .filter(([, c]) => isV2(c) && truthy(c.image))
    .map(([key, c]) => pluginInitContainer(key, c, registry, true));
  const current = entries(values.plugins)
    .filter(([, c]) => truthy(c.image))
    .map(([key, c]) => pluginInitContainer(key, c, registry, false));
  return [...v2, ...current];
}

/** `vcluster.legacyPlugins.containers`: one sidecar per legacy plugin, each on its own port from 14000. */
export function legacyPluginContainers(values: ValueMap): ValueMap[] {
  const registry = values.controlPlane?.advanced?.defaultImageRegistry;
  return entries(values.plugin)
    .filter(([, c]) => !isV2(c))
    .map(([key, c], counter) => {
      const container: ValueMap = { image: pluginImage(c, registry), name: containerName(key, c) };
      if (truthy(c.imagePullPolicy)) container.imagePullPolicy = plain(c.imagePullPolicy);
      if (truthy(c.workingDir)) container.workingDir = plain(c.workingDir);
      if (truthy(c.command)) container.command = quotedList(c.command);
      if (truthy(c.args)) container.args = quotedList(c.args);
      if (truthy(c.terminationMessagePath)) container.terminationMessagePath = plain(c.terminationMessagePath);
      if (truthy(c.terminationMessagePolicy)) container.terminationMessagePolicy = plain(c.terminationMessagePolicy);
      container.env = [
        { name: 'VCLUSTER_PLUGIN_ADDRESS', value: `localhost:${14000 + counter}` },
        { name: 'VCLUSTER_PLUGIN_NAME', value: key },
        ...(truthy(c.env) ? clone(c.env as unknown[]) : []),
      ];
      // The template also prints volumeDevices, which the values schema never allows: always null.
      for (const field of ['envFrom', 'securityContext', 'lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe', 'volumeMounts']) {
        container[field] = clone(c[field]);
      }
      if (truthy(c.resources)) container.resources = clone(c.resources);
      return container;
    });
}

/** Both generations share the volume; the chart adds it once, whichever needs it. */
function usesPluginsVolume(values: ValueMap): boolean {
  return entries(values.plugin).some(([, c]) => isV2(c) && truthy(c.image))
    || entries(values.plugins).some(([, c]) => truthy(c.image));
}

/** The init container that copies a plugin's binary into the shared volume. */
function pluginInitContainer(key: string, c: ValueMap, registry: Value, legacy: boolean): ValueMap {
  const container: ValueMap = { image: pluginImage(c, registry), name: containerName(key, c) };
  if (truthy(c.imagePullPolicy)) container.imagePullPolicy = plain(c.imagePullPolicy);
  if (truthy(c.command) || truthy(c.args)) {
    if (truthy(c.command)) container.command = quotedList(c.command);
    if (truthy(c.args)) container.args = quotedList(c.args);
  } else {
    container.command = ['sh'];
    container.args = ['-c', `cp -r /plugin /plugins/${key}`];
  }
  // The v2 `plugin` template prints securityContext unconditionally, `plugins` only when set.
  if (legacy || truthy(c.securityContext)) container.securityContext = clone(c.securityContext);
  container.volumeMounts = truthy(c.volumeMounts) ? clone(c.volumeMounts) : [{ ...PLUGINS_VOLUME_MOUNT }];
  if (truthy(c.resources)) container.resources = clone(c.resources);
  return container;
}

/** `ne $container.version "v2"` is true for a missing version too. */
function isV2(c: ValueMap): boolean {
  return c.version === 'v2';
}

function pluginImage(c: ValueMap, registry: Value): Value {
  return plain(truthy(registry) ? `${printed(registry)}/${printed(c.image)}` : printed(c.image));
}

/** `name: {{ $container.name | quote }}`, falling back to the plugin's key. */
function containerName(key: string, c: ValueMap): string {
  return truthy(c.name) ? goString(c.name) : key;
}

/** A plugin map's entries in Go's range order; a null entry reads as empty, as nil does in a template. */
function entries(plugins: Value): [string, ValueMap][] {
  if (!isMap(plugins)) return [];
  return rangeKeys(plugins).map((k) => [k, isMap(plugins[k]) ? plugins[k] : {}]);
}
