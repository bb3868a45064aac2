import { writeSync } from 'fs';

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
