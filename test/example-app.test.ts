import { readFileSync } from 'fs';
import { join } from 'path';
import { App, Testing, Yaml } from 'cdk8s';
import { TutorialChart } from '../main';
import { CASES_DIR, withCorpus } from './conformance/cases';
import { compareManifests } from './conformance/compare';

function synthYaml(): string {
  const app = new App({ outdir: Testing.app().outdir });
  new TutorialChart(app, 'vc1');
  return app.synthYaml();
}

describe('the example app', () => {
  test('synthesizes byte-identical output on every run', () => {
    expect(synthYaml()).toEqual(synthYaml());
  });

  withCorpus('The example app golden check', () => test('renders exactly the objects of the tutorial step 5 golden output', () => {
    const expected = readFileSync(join(CASES_DIR, 'seed-05-sync-ingress', 'expected.yaml'), 'utf8');
    const actual = Testing.synth(new TutorialChart(Testing.app(), 'vc1'));
    // Besides the chart's objects, only the host Namespace (helm's --create-namespace).
    expect(actual.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name)).toEqual(['vc1']);
    const actualYaml = Yaml.stringify(...actual.filter((o) => o.kind !== 'Namespace'));
    expect(compareManifests(expected, actualYaml)).toEqual([]);
  }));
});
