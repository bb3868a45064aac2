#!/usr/bin/env node
import { readFileSync } from 'fs';
import { parseCommandLine, ParsedArgs, usage, UsageError } from './args';
import { CliIo } from './io';
import { dieOfSigpipe, writeAll } from './output';
import { formatDiagnostic, tenantName, ValuesError } from '../values/errors';

export type { CliIo } from './io';

/** Runs the command line; returns the exit status. Output goes only through `io`. */
export function runCli(argv: readonly string[], io: CliIo): number {
  let stdout: string;
  try {
    const args = parseCommandLine(argv);
    stdout = args.command === 'help' ? `${usage()}\n` : runCommand(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`Error: ${e.message}\nRun "cdk8s-vcluster --help" for usage.\n`);
      return 2;
    }
    io.stderr(`Error: ${errorLine(e as Error)}\n`);
    return 1;
  }
  // Everything is rendered before the first byte is written.
  try {
    io.stdout(stdout);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    io.stderr(`Error: cannot write to standard output (${err.code ?? err.message}); the output is incomplete\n`);
    return 1;
  }
  return 0;
}

/** An error as one line; a release's diagnostics after its name, once. */
function errorLine(e: Error): string {
  const tenant = e instanceof ValuesError ? e.diagnostics[0]?.tenant : undefined;
  const text = tenant && e instanceof ValuesError ? `${tenantName(tenant)}: ${e.diagnostics.map((d) => formatDiagnostic(d, { tenant: false })).join('\n')}` : e.message;
  return text.split('\n').join('; ');
}

function runCommand(args: ParsedArgs, io: CliIo): string {
  // Loaded on demand: `template` does not load the importer, nor `import` the template writer.
  if (args.command === 'template') return (require('./template') as typeof import('./template')).templateCommand(args, io);
  if (args.command === 'upgrade-check') return (require('./upgrade-check') as typeof import('./upgrade-check')).upgradeCheckCommand(args, io);
  return (require('./import') as typeof import('./import')).importCommand(args, io);
}

if (require.main === module) {
  process.exitCode = runCli(process.argv.slice(2), {
    stdout: (text) => {
      try {
        writeAll(1, text);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EPIPE') dieOfSigpipe();
        throw e;
      }
    },
    stderr: (text) => {
      try {
        writeAll(2, text);
      } catch {
        // Nowhere left to report it.
      }
    },
    readFile: (path) => readFileSync(path),
    env: process.env,
  });
}
