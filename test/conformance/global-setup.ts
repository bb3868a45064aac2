import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** One directory per jest run, where the corpus suites share what they render and parse (see corpus-cache.ts). */
export default function globalSetup(): void {
  process.env.CDK8S_VCLUSTER_CORPUS_CACHE = mkdtempSync(join(tmpdir(), 'cdk8s-vcluster-corpus-'));
}
