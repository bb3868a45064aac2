/**
 * Values that cannot give a working virtual cluster. The message names the key path, what was
 * found and what to do; `path` is the (first) offending key path, for programs.
 */
export class ValuesError extends Error {
  public constructor(public readonly path: string, message: string) {
    super(message);
    this.name = 'ValuesError';
  }
}
