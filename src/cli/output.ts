import { lstatSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync, writeSync } from 'fs';
import { dirname, join } from 'path';

/**
 * Writes all of `text` to a file descriptor, synchronously: the write's error (EPIPE, ENOSPC,
 * EIO) is thrown right here, not emitted later on a stream. A descriptor in non-blocking mode
 * (a pipe its reader set so) is waited for.
 */
export function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let offset = 0; offset < bytes.length;) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

/**
 * Ends the process as helm (a Go program) ends when the reader of its stdout has gone, e.g. in
 * `| head`: killed by SIGPIPE, printing nothing. Node ignores SIGPIPE; once a listener is added
 * and removed again, libuv restores the default action, which ends the process.
 */
export function dieOfSigpipe(): never {
  const ignore = () => undefined;
  process.on('SIGPIPE', ignore);
  process.off('SIGPIPE', ignore);
  process.kill(process.pid, 'SIGPIPE');
  // Where signals cannot end a process (Windows), the status a shell shows for SIGPIPE.
  process.exit(128 + 13);
}

/** A file to write, by its path relative to the folder it is written to. */
export interface OutputFile {
  readonly path: string;
  readonly text: string;
}

/**
 * Writes `files` (paths relative to `base`, all under its subfolder `top`) so that `base/top`
 * is replaced as a whole or not at all: everything is written into a temporary folder beside it
 * first, which then takes its place by renaming. On any error, what was there stays as it was.
 */
export function replaceFolder(base: string, top: string, files: readonly OutputFile[]): void {
  const created = mkdirSync(base, { recursive: true });
  const target = join(base, top);
  let staging: string | undefined;
  let previous: string | undefined;
  try {
    staging = mkdtempSync(join(base, `.${top}-`));
    for (const file of files) {
      if (!file.path.startsWith(`${top}/`)) throw new Error(`${file.path} is not under ${top}/`);
      const path = join(staging, file.path.slice(top.length + 1));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.text);
    }
    if (exists(target)) {
      previous = `${staging}-previous`;
      renameSync(target, previous);
    }
    try {
      renameSync(staging, target);
    } catch (e) {
      if (previous) renameSync(previous, target);
      previous = undefined;
      throw e;
    }
  } catch (e) {
    if (staging) rmSync(staging, { recursive: true, force: true });
    if (created) rmSync(created, { recursive: true, force: true });
    throw e;
  }
  if (previous) rmSync(previous, { recursive: true, force: true });
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
