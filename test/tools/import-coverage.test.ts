import { classify, docsFolder, FileResult, rawSections, summarize, yamlBlocks } from '../../tools/import-coverage';

const PAGE = [
  '# Sleeping clusters',
  '',
  'Set it in your config:',
  '',
  '```yaml title="vcluster.yaml"',
  'sync:',
  '  toHost:',
  '    ingresses:',
  '      enabled: true',
  '```',
  '',
  '<Tabs>',
  '  <TabItem value="a">',
  '',
  '  ```yml {2}',
  '  controlPlane:',
  '    ingress:',
  '      enabled: true',
  '  ```',
  '',
  '  </TabItem>',
  '</Tabs>',
  '',
  '```bash',
  'vcluster create demo -f vcluster.yaml',
  '```',
  '',
  '````yaml',
  'a: |',
  '  ```',
  '  not a fence end',
  '````',
  '',
  '```yaml',
  'never: closed',
].join('\n');

describe('yamlBlocks', () => {
  const blocks = yamlBlocks(PAGE);

  test('finds the yaml and yml blocks with their line and title, and no other language', () => {
    expect(blocks.map((b) => [b.line, b.title])).toEqual([[5, 'vcluster.yaml'], [15, undefined], [28, undefined]]);
  });

  test('takes the text between the fences', () => {
    expect(blocks[0].text).toBe('sync:\n  toHost:\n    ingresses:\n      enabled: true');
  });

  test('removes the indentation of an indented fence from its lines', () => {
    expect(blocks[1].text).toBe('controlPlane:\n  ingress:\n    enabled: true');
  });

  test('closes a block only at a fence at least as long as the opening one', () => {
    expect(blocks[2].text).toBe('a: |\n  ```\n  not a fence end');
  });

  test('leaves out a block that is never closed', () => {
    expect(blocks.some((b) => b.text.includes('never'))).toBe(false);
  });
});

describe('classify', () => {
  const keys = new Set(['controlPlane', 'sync', 'networking']);

  test('takes a map whose top-level keys are all chart values as values', () => {
    expect(classify('sync:\n  toHost:\n    pods:\n      enabled: true\nnetworking: {}\n', keys)).toEqual({
      kind: 'values', values: { sync: { toHost: { pods: { enabled: true } } }, networking: {} },
    });
  });

  test('reads YAML as helm does (YAML 1.1 booleans)', () => {
    expect(classify('sync:\n  toHost:\n    pods:\n      enabled: yes\n', keys)).toEqual({
      kind: 'values', values: { sync: { toHost: { pods: { enabled: true } } } },
    });
  });

  test('refuses a Kubernetes manifest, naming the keys the chart lacks', () => {
    expect(classify('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n', keys)).toEqual({
      kind: 'not-values', reason: 'top-level apiVersion, kind, metadata',
    });
  });

  test('refuses a file that mixes values with another key', () => {
    expect(classify('controlPlane: {}\nsuite: test\n', keys)).toEqual({ kind: 'not-values', reason: 'top-level suite' });
  });

  test('refuses an empty text or a comment alone', () => {
    expect(classify('# nothing here\n', keys)).toEqual({ kind: 'not-values', reason: 'empty' });
  });

  test('tells a Go template of a values file by its placeholders', () => {
    expect(classify('controlPlane:\n  statefulSet:\n    image:\n      tag: {{ .Tag }}\n', keys)).toEqual({ kind: 'template' });
  });

  test('tells text that does not parse', () => {
    expect(classify('controlPlane:\n  - a\n b: [\n', keys).kind).toBe('unparsable');
  });

  test('refuses a list', () => {
    expect(classify('- sync\n- networking\n', keys).kind).toBe('unparsable');
  });
});

describe('rawSections', () => {
  test('gives each two-key prefix of the leaves once', () => {
    expect(rawSections({ sync: { toHost: { pods: { enabled: true }, services: { x: 1 } } }, privateNodes: { enabled: true }, telemetry: false }))
      .toEqual(['sync.toHost', 'privateNodes.enabled', 'telemetry']);
  });
});

describe('summarize', () => {
  const file = (where: string, more: Partial<FileResult>): FileResult => ({
    source: 'docs', where, renders: true, typedOnly: false, rawSections: [], exact: true, ...more,
  });

  test('counts rendering, typed-only and exact files, and the raw sections of rendering files by frequency', () => {
    const stats = summarize(['not-values', 'template', 'template', 'duplicate'], [
      file('a', { typedOnly: true }),
      file('b', { rawSections: ['sync.toHost', 'networking.podCIDR'] }),
      file('c', { rawSections: ['sync.toHost'], exact: false }),
      file('d', { renders: false, exact: false, rawSections: [] }),
    ]);
    expect(stats).toEqual({
      found: 8,
      skipped: { template: 2, unparsable: 0, notValues: 1, duplicate: 1 },
      values: 4,
      rendering: 3,
      typedOnly: 1,
      typedOnlyPercent: 33.3,
      roundTripExact: 2,
      rawSections: [{ section: 'sync.toHost', files: 2 }, { section: 'networking.podCIDR', files: 1 }],
    });
  });

  test('gives 0% when nothing renders', () => {
    expect(summarize([], []).typedOnlyPercent).toBe(0);
  });
});

describe('docsFolder', () => {
  test('is the folder of the minor release, pre-releases included', () => {
    expect(docsFolder('0.36.1')).toBe('vcluster_versioned_docs/version-0.36.0');
    expect(docsFolder('0.37.0-rc.1')).toBe('vcluster_versioned_docs/version-0.37.0');
  });
});
