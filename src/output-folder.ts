import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'fs';
import { basename, dirname, join } from 'path';

/** Why a folder could not be replaced: the message says what, and that nothing was changed there. */
export class OutputFolderError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'OutputFolderError';
  }
}

/** How a folder is replaced. */
export interface ReplaceFolderOptions {
  /**
   * Start from a copy of the folder's files, as cdk8s's `App.synth()` writes over an existing
   * folder (files it no longer writes stay); else the folder holds only what FILL writes.
   * @default false
   */
  readonly keepFiles?: boolean;
}

/**
 * Replaces the folder TARGET as a whole or not at all: FILL writes into a staging folder beside
 * it (`.<name>-XXXXXX`, folders 0755 as helm makes them), which then takes its place by two
 * renames (the old folder steps aside as `.<name>-XXXXXX-previous`, then is removed). A failure
 * before the swap leaves TARGET as it was. A crash between the renames leaves the old folder
 * beside TARGET: the next call puts it back before anything else, so the old output or the new
 * one is always there. A file (or link) where the folder goes is refused, never removed. The
 * file system's errors are thrown as OutputFolderError, saying that nothing was changed.
 * Returns what went wrong after the swap (the old folder could not be removed), for a warning.
 */
export function replaceFolder(target: string, fill: (staging: string) => void, options: ReplaceFolderOptions = {}): string[] {
  const base = dirname(target);
  const name = basename(target);
  const warnings: string[] = [];
  const created = makeFolders(base);
  try {
    recover(base, name, warnings);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new OutputFolderError(`cannot clean up after an interrupted run beside ${target} (${err.code ?? err.message}); nothing was changed there`);
  }
  refuseNonFolder(target);
  const existing = kindOf(target);
  let staging: string | undefined;
  let previous: string | undefined;
  try {
    staging = mkdtempSync(join(base, `.${name}-`));
    chmodSync(staging, 0o755);
    if (options.keepFiles && existing) cpSync(target, staging, { recursive: true });
    fill(staging);
    if (existing) {
      previous = `${staging}-previous`;
      renameSync(target, previous);
    }
    try {
      renameSync(staging, target);
    } catch (e) {
      if (previous) renameSync(previous, target);
      throw e;
    }
  } catch (e) {
    if (staging) rmSync(staging, { recursive: true, force: true });
    if (created) rmSync(created, { recursive: true, force: true });
    const err = e as NodeJS.ErrnoException;
    // Only the file system's errors are about the folder; others (a construct that throws) are rethrown as they are.
    if (e instanceof OutputFolderError || err.code === undefined) throw e;
    throw new OutputFolderError(`cannot write ${target} (${err.code ?? err.message}); nothing was changed there`);
  }
  if (previous) {
    try {
      rmSync(previous, { recursive: true, force: true });
    } catch (e) {
      warnings.push(`wrote ${target}, but could not remove its previous content at ${previous} ` +
        `(${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): remove it`);
    }
  }
  return warnings;
}

/**
 * The folder and its missing parents, one level at a time: Node's `mkdirSync(..., { recursive:
 * true })` never returns for some paths (`/proc/x` spins at full CPU). Returns the first folder
 * made, if any, as `mkdirSync` does.
 */
function makeFolders(folder: string): string | undefined {
  refuseNonFolder(folder);
  const missing: string[] = [];
  for (let f = folder; kindOf(f) === undefined; f = dirname(f)) {
    missing.unshift(f);
    if (dirname(f) === f) break;
  }
  for (const f of missing) {
    try {
      mkdirSync(f);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw new OutputFolderError(`cannot create ${f} (${err.code ?? err.message}); nothing was changed there`);
    }
  }
  return missing[0];
}

/**
 * Puts back the old folder a crash left beside TARGET between the two renames, and removes the
 * staging folders of interrupted runs.
 */
function recover(base: string, name: string, warnings: string[]): void {
  const leftover = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[A-Za-z0-9]{6}(-previous)?$`);
  const found = readdirSync(base).filter((f) => leftover.test(f));
  const previous = found.filter((f) => f.endsWith('-previous'));
  const target = join(base, name);
  if (kindOf(target) === undefined && previous.length > 0) {
    renameSync(join(base, previous[0]), target);
    warnings.push(`put back ${target} from ${join(base, previous[0])}, left by an interrupted run`);
  }
  for (const f of found) if (kindOf(join(base, f)) !== undefined) rmSync(join(base, f), { recursive: true, force: true });
}

/** Refuses a file, link or special file at PATH, where a folder must go: it is not ours to remove. */
function refuseNonFolder(path: string): void {
  const kind = kindOf(path);
  if (kind !== undefined && kind !== 'folder') {
    throw new OutputFolderError(`${path} is a ${kind}, not a folder: it is left alone, and nothing was changed. Move it away, or write elsewhere`);
  }
}

function kindOf(path: string): 'folder' | 'file' | 'link' | 'special file' | undefined {
  try {
    const s = lstatSync(path);
    return s.isDirectory() ? 'folder' : s.isFile() ? 'file' : s.isSymbolicLink() ? 'link' : 'special file';
  } catch {
    return undefined;
  }
}
