import { Chart, Testing } from 'cdk8s';
import { BackingStore, propsValues, resolveValues, VCluster } from '../../src';

describe('propsValues', () => {
  test('gives the vcluster.yaml values the VCluster renders: coalesced with the defaults, they are its values', () => {
    const props = {
      controlPlane: { replicas: 3 },
      backingStore: BackingStore.deployedEtcd(),
      values: { sync: { toHost: { ingresses: { enabled: true } } } },
    };
    const vc = new VCluster(new Chart(Testing.app(), 'test'), 'vc1', props);
    const resolved = resolveValues({ name: 'vc1', namespace: 'vc1', values: [propsValues(props).values] });
    expect(resolved.values).toEqual(vc.values);
  });

  test('keeps what the typed props write apart from the raw values, which win', () => {
    const given = propsValues({ controlPlane: { replicas: 3 }, values: { controlPlane: { statefulSet: { highAvailability: { replicas: 5 } } } } });
    expect(given.typed.controlPlane?.statefulSet?.highAvailability?.replicas).toBe(3);
    expect(given.values.controlPlane?.statefulSet?.highAvailability?.replicas).toBe(5);
  });

  test('fails when the raw values hold a reserved key, naming its path', () => {
    expect(() => propsValues({ values: JSON.parse('{"sync":{"__proto__":{}}}') })).toThrow(/sync\.__proto__.*__proto__, constructor and prototype/);
  });
});
