import { readFileSync } from 'fs';
import { dirname, join } from 'path';
import { CHART_VERSIONS } from '../values/chart-version';

const PACKAGE_NAME = 'cdk8s-vcluster';

/**
 * The package's version, from its package.json: the nearest one named cdk8s-vcluster above this
 * file, which sits in src/cli/ (ts-node, jest), lib/src/cli/ or, bundled, lib/bin/.
 */
export function packageVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === PACKAGE_NAME && manifest.version) return manifest.version;
    } catch {
      // No package.json here: look further up.
    }
    if (dirname(dir) === dir) throw new Error(`cannot find the package.json of ${PACKAGE_NAME} above ${__dirname}`);
  }
}

/** What `cdk8s-vcluster version` and `--version` print. */
export function versionText(): string {
  return `${PACKAGE_NAME} ${packageVersion()} (vCluster chart ${CHART_VERSIONS.join(', ')}; Node.js ${process.versions.node})\n`;
}
