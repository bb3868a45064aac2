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

/** A key path into the values: map keys and list indexes. */
export type Segment = string | number;

/** `a.b[0].c`; keys that would make the dotted form ambiguous are bracketed: `quota["limits.cpu"]`. */
export function formatPath(path: readonly Segment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[^.[\]"\s]+$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
