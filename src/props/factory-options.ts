/**
 * Prop values a factory makes from options (`BackingStore.deployedEtcd({ replicas })`): the
 * options and the factory are kept, so that a message about a value such an option gave can
 * name the option (`backingStore.replicas`).
 */
export interface FactoryOptions {
  readonly options: object;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each factory takes its own options type
  readonly make: (options: any) => object;
}

const MADE = new WeakMap<object, FactoryOptions>();

/** Registers what the value was made from, and returns the value. */
export function madeFrom<T extends object, O extends object>(value: T, options: O, make: (options: O) => T): T {
  MADE.set(value, { options, make });
  return value;
}

export function factoryOptions(v: unknown): FactoryOptions | undefined {
  return typeof v === 'object' && v !== null ? MADE.get(v) : undefined;
}
