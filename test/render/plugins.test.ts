import { ValueMap } from '../../src/values/value-map';
import { legacyPluginContainers, pluginInitContainers, pluginVolumeMounts, pluginVolumes } from '../../src/render/plugins';
import { contextFor } from './context-helper';

const values = (user: ValueMap): ValueMap => contextFor(user).values;

describe('plugins', () => {
  test('adds no plugins volume without plugins', () => {
    expect(pluginVolumes(values({}))).toEqual([]);
    expect(pluginVolumeMounts(values({}))).toEqual([]);
    expect(pluginInitContainers(values({}))).toEqual([]);
    expect(legacyPluginContainers(values({}))).toEqual([]);
  });

  test('adds the plugins volume once when v2 and current plugins both need it', () => {
    const v = values({ plugins: { a: { image: 'a' }, b: { image: 'b' } }, plugin: { c: { version: 'v2', image: 'c' } } });
    expect(pluginVolumes(v)).toEqual([{ name: 'plugins', emptyDir: {} }]);
    expect(pluginVolumeMounts(v)).toEqual([{ mountPath: '/plugins', name: 'plugins' }]);
  });

  test('skips plugins without an image, which need no volume', () => {
    const v = values({ plugins: { a: { name: 'x' } } });
    expect(pluginVolumes(v)).toEqual([]);
    expect(pluginInitContainers(v)).toEqual([]);
  });

  test('copies v2 plugins first, then current plugins, each in name order', () => {
    const v = values({ plugins: { z: { image: 'z' }, b: { image: 'b' } }, plugin: { test123: { version: 'v2', image: 'test' } } });
    expect(pluginInitContainers(v).map((c) => c.name)).toEqual(['test123', 'b', 'z']);
  });

  test('copies the plugin binary with sh unless a command or args are given', () => {
    const [copier] = pluginInitContainers(values({ plugins: { test: { image: 'test' } } }));
    expect(copier).toEqual({
      image: 'test',
      name: 'test',
      command: ['sh'],
      args: ['-c', 'cp -r /plugin /plugins/test'],
      volumeMounts: [{ mountPath: '/plugins', name: 'plugins' }],
    });
    const [custom] = pluginInitContainers(values({ plugins: { test: { image: 'test', args: ['--copy'] } } }));
    expect(custom.command).toBeUndefined();
    expect(custom.args).toEqual(['--copy']);
  });

  test('prefixes plugin images with the default image registry', () => {
    const v = values({ plugins: { p: { image: 'org/p:1' } }, controlPlane: { advanced: { defaultImageRegistry: 'mirror.io' } } });
    expect(pluginInitContainers(v)[0].image).toBe('mirror.io/org/p:1');
  });

  test('runs legacy plugins as sidecars on consecutive ports from 14000', () => {
    const containers = legacyPluginContainers(values({
      plugin: { b: { image: 'b', env: [{ name: 'X', value: 'y' }] }, a: { image: 'a' }, v2: { version: 'v2', image: 'v' } },
    }));
    expect(containers.map((c) => c.name)).toEqual(['a', 'b']);
    expect(containers[0].env).toEqual([
      { name: 'VCLUSTER_PLUGIN_ADDRESS', value: 'localhost:14000' },
      { name: 'VCLUSTER_PLUGIN_NAME', value: 'a' },
    ]);
    expect(containers[1].env).toEqual([
      { name: 'VCLUSTER_PLUGIN_ADDRESS', value: 'localhost:14001' },
      { name: 'VCLUSTER_PLUGIN_NAME', value: 'b' },
      { name: 'X', value: 'y' },
    ]);
  });

  test('quotes legacy plugin command and args items', () => {
    const [sidecar] = legacyPluginContainers(values({ plugin: { a: { image: 'a', command: ['run'], args: ['--port', '9000'] } } }));
    expect(sidecar.command).toEqual(['run']);
    expect(sidecar.args).toEqual(['--port', '9000']);
  });
});
