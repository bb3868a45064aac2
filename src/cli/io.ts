/** What the command line reads and writes; the tests give their own. */
export interface CliIo {
  /** Writes to standard output; throws the write's error (EPIPE, ENOSPC, EIO, ...). */
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** A file's bytes ("/dev/stdin" for standard input); throws the read's error. */
  readonly readFile: (path: string) => Uint8Array;
  /** The environment: helm's HELM_NAMESPACE, KUBECONFIG, HELM_KUBECONTEXT, HOME. */
  readonly env: Readonly<Record<string, string | undefined>>;
}
