import { readFileSync } from 'fs';
import { join } from 'path';
import { minVersion, satisfies } from 'semver';

const ROOT = join(__dirname, '../..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const LOCK = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));

describe('the minimum Node version', () => {
  const minimum = minVersion(PKG.engines.node)!.version;

  test('is the one the README names', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`Node.js ${minimum}`);
  });

  test('is supported by every package `npm ci` installs, so it prints no EBADENGINE warning', () => {
    const refusing = Object.entries<{ version: string; engines?: { node?: string } }>(LOCK.packages)
      .filter(([path, p]) => path !== '' && typeof p.engines?.node === 'string' && !satisfies(minimum, p.engines.node))
      .map(([path, p]) => `${path.replace(/^.*node_modules\//, '')}@${p.version} wants node ${p.engines!.node}`);
    expect(refusing).toEqual([]);
  });
});
