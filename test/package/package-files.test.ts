import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '../..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; license: string };
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('the package beside the code', () => {
  test('ships the licence and the changelog, and no other file outside lib/ but README.md and package.json', () => {
    // What `npm pack` would put in the tarball, without building (lib/ is built by then).
    const npm = ['pack', '--dry-run', '--json', '--ignore-scripts'];
    const [pack] = JSON.parse(execFileSync('npm', npm, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    const files = (pack.files as { path: string }[]).map((f) => f.path).filter((f) => !f.startsWith('lib/'));
    expect(files.sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json']);
  }, 60_000);

  test('has as LICENSE the Apache License 2.0 that package.json names, word for word as cdk8s ships it', () => {
    expect(PKG.license).toBe('Apache-2.0');
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    expect(words(read('LICENSE'))).toEqual(words(readFileSync(require.resolve('cdk8s/LICENSE'), 'utf8')));
  });

  test('has a changelog entry for the package version and an Unreleased section with its parts', () => {
    const headings = read('CHANGELOG.md').split('\n').filter((l) => l.startsWith('#'));
    expect(headings.filter((h) => h === `## ${PKG.version}` || h.startsWith(`## ${PKG.version} `))).toHaveLength(1);
    const unreleased = headings.indexOf('## Unreleased');
    expect(unreleased).toBeGreaterThanOrEqual(0);
    expect(headings.slice(unreleased + 1, unreleased + 5)).toEqual(['### Added', '### Changed', '### Fixed', '### Removed']);
  });
});
