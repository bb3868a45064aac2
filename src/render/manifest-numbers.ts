import { RenderedObject } from './context';
import { diagnostic } from '../values/diagnostic';
import { formatPath, Segment, ValuesError } from '../values/errors';
import { Int64, isInt64 } from '../values/int64';
import { isPlainObject } from '../values/value-map';

/**
 * The rendered objects with every Int64 (an int64 from `--set`) made the JSON number it stands
 * for, as Go's YAML reads the digits the chart wrote back as that integer. cdk8s writes objects
 * through JavaScript numbers, exact only up to 2^53: an Int64 beyond that has no exact number in
 * the output, so it is refused, naming the `--set` argument and where it landed, where Helm writes
 * it exactly. Objects without one are returned as they are; the others are copied where they change.
 */
export function manifestNumbers<T extends RenderedObject>(objects: readonly T[]): T[] {
  return objects.map((o) => {
    const manifest = numbers(o.manifest, [], o) as RenderedObject['manifest'];
    return manifest === o.manifest ? o : { ...o, manifest };
  });
}

function numbers(v: unknown, at: Segment[], object: RenderedObject): unknown {
  if (isInt64(v)) return exactNumber(v, at, object);
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    v.forEach((item, i) => {
      const made = numbers(item, [...at, i], object);
      if (made !== item) (out ??= [...v])[i] = made;
    });
    return out ?? v;
  }
  if (!isPlainObject(v)) return v;
  const descriptors = Object.getOwnPropertyDescriptors(v);
  let changed = false;
  for (const [k, d] of Object.entries(descriptors)) {
    // An accessor (the config Secret's text, made from the values when read) holds no Int64.
    if (!('value' in d)) continue;
    const made = numbers(d.value, [...at, k], object);
    if (made !== d.value) {
      descriptors[k] = { value: made, enumerable: d.enumerable, writable: true, configurable: true };
      changed = true;
    }
  }
  // The copy keeps the accessors as they are.
  return changed ? Object.defineProperties({}, descriptors) : v;
}

/** JavaScript numbers hold every integer up to 2^53 in magnitude exactly. */
const EXACT = 2n ** 53n;

function exactNumber(v: Int64, at: Segment[], object: RenderedObject): number {
  const exact = BigInt(v.digits);
  if (exact >= -EXACT && exact <= EXACT) return Number(exact);
  const { kind, metadata } = object.manifest;
  throw new ValuesError([diagnostic({
    path: `${kind}/${metadata.name} ${formatPath(at)}`,
    subject: v.source,
    message: `the chart writes the integer ${v.digits} into ${kind}/${metadata.name} as a number (${formatPath(at)}), and Helm keeps it exact; ` +
      'cdk8s writes objects through JavaScript numbers, which hold integers exactly only up to 2^53 (9007199254740992).',
    fix: 'Give an integer from -9007199254740992 to 9007199254740992.',
  })]);
}
