import { allValues, ParsedArgs } from './args';
import { CliIo } from './io';
import { ValueMap } from '../values/value-map';
import { mergeValueFiles } from '../values/coalesce';
import { valuesError } from '../values/diagnostic';
import { applySet, SET_FLAGS } from '../values/set-values';
import { parseValuesYaml, strictUtf8 } from '../yaml/values-yaml';

/**
 * The user values of a command line, layered as Helm v4 layers them (pkg/cli/values/options.go):
 * the -f files in order, merged as maps (later files winning), then every --set-json, --set,
 * --set-string, --set-file and --set-literal argument in that order of flags, each flag's
 * arguments in the order given.
 */
export function userValues(args: ParsedArgs, io: CliIo): ValueMap {
  let values: ValueMap = {};
  for (const file of allValues(args, 'values')) {
    values = mergeValueFiles([values, parseValuesYaml(readInput(file, 'values file', io), sourceName(file))]);
  }
  for (const flag of SET_FLAGS) {
    for (const argument of allValues(args, flag)) {
      applySet(flag, argument, values, (path) => strictUtf8(readInput(path, `file of --${flag} ${argument}`, io), sourceName(path)));
    }
  }
  return values;
}

/** Helm reads "-" (spaces around it allowed) from standard input. */
function isStdin(path: string): boolean {
  return path.trim() === '-';
}

export function sourceName(path: string): string {
  return isStdin(path) ? '<stdin>' : path;
}

/** A file's bytes; helm's "-" reads standard input, and a URL is refused (nothing is downloaded). */
export function readInput(path: string, what: string, io: CliIo): Uint8Array {
  if (/^(https?|oci):\/\//.test(path)) {
    throw valuesError({ path, message: `cdk8s-vcluster reads no ${what} from a URL;`, fix: 'download it and give the local path.' });
  }
  try {
    return io.readFile(isStdin(path) ? '/dev/stdin' : path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw valuesError({ path, subject: sourceName(path), message: `cannot read ${what} (${code})` });
  }
}
