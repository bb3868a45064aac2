#!/usr/bin/env node
import { readFileSync } from 'fs';
import { parseCommandLine, ParsedArgs, usage, UsageError } from './args';
import { Command, COMMANDS, CommandResult, isCommand } from './commands';
import { CliIo } from './io';
import { dieOfSigpipe, writeAll } from './output';
import { formatDiagnostic, tenantName, ValuesError } from '../values/errors';
import { versionText } from './version';

export type { CliIo } from './io';

/** Runs the command line; returns the exit status. Output goes only through `io`. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const command = isCommand(argv[0]) ? argv[0] : undefined;
  let result: CommandResult;
  try {
    const args = parseCommandLine(argv);
    if (args.command === 'help') result = { stdout: `${usage(args.topic)}\n`, status: 0 };
    else if (args.command === 'version') result = { stdout: versionText(), status: 0 };
    else result = RUNNERS[args.command](args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`Error: ${e.message}\nRun "cdk8s-vcluster${command ? ` ${command}` : ''} --help" for usage.\n`);
      return command ? COMMANDS[command].usageStatus : 2;
    }
    io.stderr(`Error: ${errorLine(e as Error)}\n`);
    return 1;
  }
  // Everything is rendered before the first byte is written.
  try {
    io.stdout(result.stdout);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    io.stderr(`Error: cannot write to standard output (${err.code ?? err.message}); the output is incomplete\n`);
    return 1;
  }
  return result.status;
}

/** An error as one line; a release's diagnostics after its name, once. */
function errorLine(e: Error): string {
  const tenant = e instanceof ValuesError ? e.diagnostics[0]?.tenant : undefined;
  const text = tenant && e instanceof ValuesError ? `${tenantName(tenant)}: ` +
    `${e.diagnostics.map((d) => formatDiagnostic(d, { tenant: false })).join('\n')}` : e.message;
  return text.split('\n').join('; ');
}

/**
 * Each command's code, loaded on demand: `template` does not load the importer, nor `import`
 * the template writer.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded on demand, see above */
const RUNNERS: Readonly<Record<Command, (args: ParsedArgs, io: CliIo) => CommandResult>> = {
  'template': (args, io) => ({ stdout: (require('./template') as typeof import('./template')).templateCommand(args, io), status: 0 }),
  'import': (args, io) => ({ stdout: (require('./import') as typeof import('./import')).importCommand(args, io), status: 0 }),
  'upgrade-check': (args, io) => (require('./upgrade-check') as typeof import('./upgrade-check')).upgradeCheckCommand(args, io),
  'check': (args, io) => (require('./check') as typeof import('./check')).checkCommand(args, io),
};
/* eslint-enable @typescript-eslint/no-require-imports */

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
