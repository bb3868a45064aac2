import { rmSync } from 'fs';

export default function globalTeardown(): void {
  const dir = process.env.CDK8S_VCLUSTER_CORPUS_CACHE;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
