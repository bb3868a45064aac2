import { readFileSync } from 'fs';
import { join } from 'path';
import { satisfies } from 'semver';
import { nodeLines } from './node-lines';

const ROOT = join(__dirname, '../..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const LOCK = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));

describe('the supported Node.js lines', () => {
  const lines = nodeLines(PKG.engines.node);

  test('are the ones the README names, the lowest with its minimum', () => {
    const [first, ...rest] = lines;
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(`Node.js ${first.lowest} or newer, ${rest.map((l) => l.major).join(' or ')}`);
  });

  test.each(lines)('are supported by every package `npm ci` installs, from $lowest on, so it prints no EBADENGINE warning', ({ lowest }) => {
    const refusing = Object.entries<{ version: string; engines?: { node?: string } }>(LOCK.packages)
      .filter(([path, p]) => path !== '' && typeof p.engines?.node === 'string' && !satisfies(lowest, p.engines.node))
      .map(([path, p]) => `${path.replace(/^.*node_modules\//, '')}@${p.version} wants node ${p.engines!.node}`);
    expect(refusing).toEqual([]);
  });
});
