import { existsSync } from 'fs';
import { CASES_DIR, corpusVersions, loadCases } from '../conformance/cases';
import { importUnlessRefused, samplePrograms } from './import-helper';
import { typeCheck } from './program-runner';

/**
 * Transpiling a generated program (as the round trip runs it) does not check its types. One
 * TypeScript check serves every program the import writes: each corpus case's of every chart
 * version (shared with the round trip) and the samples of values no case has. The library's
 * types are loaded once, so all of them take about as long as one.
 */
test('every program the import writes type-checks against the library, in one check', () => {
  const corpus = existsSync(CASES_DIR)
    ? Object.fromEntries(corpusVersions().flatMap((v) => loadCases(v)).filter((c) => c.expected !== undefined).flatMap((c) => {
      const result = importUnlessRefused(c);
      return result === undefined ? [] : [[`corpus-${c.version}-${c.name}`, result.program]];
    }))
    : {};
  const samples = samplePrograms();
  // The check does see errors: one program with a wrong type must give exactly its diagnostic.
  const broken = samples.tutorial.replace("namespace: 'vc1'", 'namespace: 1');
  const diagnostics = typeCheck({ ...corpus, ...samples, broken });
  expect(diagnostics).toHaveLength(1);
  expect(diagnostics[0]).toMatch(/__generated__\/broken\.ts:\d+: Type 'number' is not assignable to type 'string'/);
});
