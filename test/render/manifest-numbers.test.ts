import { RenderedObject } from '../../src/render/context';
import { manifestNumbers } from '../../src/render/manifest-numbers';
import { Int64 } from '../../src/values/int64';

const SOURCE = '--set x=1';

function object(body: Record<string, unknown>): RenderedObject {
  return { id: 'Sts', manifest: { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'vc1' }, ...body } };
}

describe('the numbers of rendered objects', () => {
  test('makes an int64 from --set the JSON number it stands for, in maps and lists, up to 2^53', () => {
    const spec = { replicas: new Int64('1000000', SOURCE), ports: [{ port: new Int64('-9007199254740992', SOURCE) }] };
    const [o] = manifestNumbers([object({ spec })]);
    expect(JSON.parse(JSON.stringify(o.manifest))).toEqual({
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'vc1' }, spec: { replicas: 1000000, ports: [{ port: -9007199254740992 }] },
    });
    expect((o.manifest.spec as any).replicas).toBe(1000000);
  });

  test('leaves objects without one as they are, and copies the others without changing the rendered ones', () => {
    const plain = object({ spec: { replicas: 1 } });
    const spec = { replicas: new Int64('2147483648', SOURCE), template: { a: 1 } };
    const withInt = object({ spec });
    const [same, copied] = manifestNumbers([plain, withInt]);
    expect(same).toBe(plain);
    expect(spec.replicas).toBeInstanceOf(Int64);
    expect((copied.manifest.spec as any).template).toBe(spec.template);
  });

  test('keeps an accessor (the config Secret\'s text) without reading it', () => {
    const data = {};
    let reads = 0;
    Object.defineProperty(data, 'config.yaml', { enumerable: true, get: () => { reads++; return 'text'; } });
    const [o] = manifestNumbers([object({ data, spec: { replicas: new Int64('1000000', SOURCE) } })]);
    expect(reads).toBe(0);
    expect(o.manifest.data).toBe(data);
  });

  test('fails when an integer beyond 2^53 would be written, naming the argument, the object and the field', () => {
    const argument = '--set controlPlane.statefulSet.highAvailability.replicas=9007199254740993';
    const o = object({ spec: { replicas: new Int64('9007199254740993', argument) } });
    expect(() => manifestNumbers([o])).toThrow('--set controlPlane.statefulSet.highAvailability.replicas=9007199254740993: the chart writes the ' +
      'integer 9007199254740993 into StatefulSet/vc1 as a number (spec.replicas)');
  });
});
