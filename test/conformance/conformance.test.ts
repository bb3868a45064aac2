import { corpusVersions, loadCases, withCorpus } from './cases';
import { KNOWN_FAILURES } from './known-failures';
import { runCase } from './run-case';

withCorpus('Conformance suite', () => {
  describe.each(corpusVersions().map((v) => [v]))('every corpus case renders like helm template of chart %s', (version) => {
    const cases = loadCases(version);
    const known = KNOWN_FAILURES[version];
    const results = new Map<string, boolean>();
    const hashes = new Map<string, boolean>();

    test.each(cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
      const result = runCase(c);
      results.set(name, result.passed);
      if (c.expected !== undefined) hashes.set(name, result.hashMatches);
      if (known.has(name)) {
        if (result.passed) throw new Error(`${name} passes now: remove it from test/conformance/known-failures.ts (${version})`);
        return;
      }
      if (!result.passed) throw new Error(`${name} differs from the chart ${version}:\n  ${result.problems.slice(0, 20).join('\n  ')}`);
      // The config must serialize byte for byte like Helm's toYaml, or pods roll when switching from helm.
      if (c.expected !== undefined && !result.hashMatches) throw new Error(`${name}: the vClusterConfigHash annotation differs from the chart's`);
    });

    afterAll(() => {
      const passed = [...results.values()].filter(Boolean).length;
      const hashed = [...hashes.values()].filter(Boolean).length;
      process.stdout.write(
        `\nconformance ${version}: ${passed}/${cases.length} cases render like the chart (${known.size} known failures); ` +
          `config hash equal to the chart's in ${hashed}/${hashes.size} rendered cases\n`,
      );
    });
  });
});
