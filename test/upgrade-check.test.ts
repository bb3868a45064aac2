import { readFileSync } from 'fs';
import { join } from 'path';
import { isDeepStrictEqual } from 'util';
import { parseAllDocuments } from 'yaml';
import { formatUpgradeCheck, upgradeCheck } from '../src/upgrade-check';
import { ChartVersion } from '../src/values/chart-version';
import { caseValues, casesDir, corpusVersions, loadCases, withCorpus } from './conformance/cases';

const vc1 = { name: 'vc1', namespace: 'vc1', kubeVersion: '1.33.1' };

describe('upgradeCheck', () => {
  test('reports the volume snapshot keys 0.36 refuses, each with its fix, and renders the rest as after the fix', () => {
    const values = [{
      sync: { toHost: { volumeSnapshots: { enabled: true } }, fromHost: { volumeSnapshotClasses: { enabled: true } } },
      rbac: { enableVolumeSnapshotRules: { enabled: 'auto' } },
    }];
    const r = upgradeCheck({ ...vc1, from: '0.35.3', to: '0.36.1', values });
    expect(r.refused.map((x) => x.path)).toEqual([
      'sync.toHost.volumeSnapshots',
      'sync.fromHost.volumeSnapshotClasses',
      'rbac.enableVolumeSnapshotRules',
    ]);
    expect(r.refused[0].message).toBe('sync.toHost.volumeSnapshots: was removed in vCluster 0.36.0 and is no longer supported, found ' +
      '{"enabled":true}. Remove it from your values.');
    // 0.35.3 grants the snapshot rules, with a cluster role for the classes; 0.36.1 has neither.
    expect(r.removed).toEqual(['ClusterRole vc-vc1-v-vc1', 'ClusterRoleBinding vc-vc1-v-vc1']);
    expect(r.changed.find((c) => c.object === 'Role vc1/vc-vc1')?.paths).toEqual(['rules']);
    expect(r.controlPlaneRolls).toBe(true);
    expect(r.rollReasons[0]).toContain('the config hash (vClusterConfigHash) changes');
  });

  test('reports keys the target schema lacks, naming the version that has them', () => {
    const r = upgradeCheck({ ...vc1, from: '0.37.0-rc.1', to: '0.36.1', values: [{ logging: { file: { enabled: true } } }] });
    expect(r.refused).toEqual([{
      path: 'logging.file',
      message: "logging.file: unknown key (not in vCluster 0.36.1's values schema). The nearest chart version with it is 0.37.0-rc.1 (a " +
        "pre-release): choose chart version 0.37.0-rc.1 (chartVersion, --version), or remove it.",
      diagnostic: expect.objectContaining({ severity: 'error', path: 'logging.file', value: { enabled: true } }),
    }]);
    // File logging goes: the log volume, its mount and the LOFT_LOG_FILE variable.
    expect(r.rollReasons.join()).toContain('the pod template changes');
  });

  test('prints a report people read', () => {
    const text = formatUpgradeCheck(
      upgradeCheck({ ...vc1, from: '0.36.1', to: '0.37.0-rc.1', values: [{ controlPlane: { serviceMonitor: { enabled: true } } }] }),
    );
    expect(text).toContain('Upgrade from chart 0.36.1 to 0.37.0-rc.1 (a pre-release)\n\nValues 0.37.0-rc.1 refuses: none\n');
    expect(text).toContain('ServiceMonitor vc1/vc-vc1: spec.selector.matchLabels.chart, spec.endpoints');
    expect(text).toContain('The control plane rolls');
  });
});

/** The golden output as comparable objects: the chart label aside, the config Secret's vcluster.yaml decoded. */
function golden(version: ChartVersion, seed: string): Map<string, unknown> {
  const text = readFileSync(join(casesDir(version), seed, 'expected.yaml'), 'utf8');
  const objects = new Map<string, unknown>();
  for (const doc of parseAllDocuments(text)) {
    const o = doc.toJS() as {
      kind: string;
      metadata: { name: string; namespace?: string; labels?: Record<string, string> };
      data?: Record<string, string>;
    } | null;
    if (!o) continue;
    delete o.metadata.labels?.chart;
    if (o.kind === 'Secret' && o.data?.['config.yaml']) o.data['config.yaml'] = Buffer.from(o.data['config.yaml'], 'base64').toString('utf8');
    objects.set(`${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`, o);
  }
  return objects;
}

withCorpus('The upgrade checks against the golden output', () => {
  const versions = corpusVersions();
  const pairs = versions.slice(1).map((to, i) => [versions[i], to] as const);
  const seeds = loadCases().filter((c) => c.name.startsWith('seed-')).map((c) => c.name);
  test.each(pairs.flatMap(([from, to]) => seeds.map((seed) => [seed, from, to] as const)))(
    '%s: the objects added, removed and changed from %s to %s are those of the charts\' golden output', (seed, from, to) => {
      const a = golden(from, seed);
      const b = golden(to, seed);
      const values = caseValues(loadCases(from).find((c) => c.name === seed)!) as Record<string, never>;
      const r = upgradeCheck({ ...vc1, from, to, values: [values] });
      expect(r.refused).toEqual([]);
      expect(r.added).toEqual([...b.keys()].filter((k) => !a.has(k)));
      expect(r.removed).toEqual([...a.keys()].filter((k) => !b.has(k)));
      expect(r.changed.map((c) => c.object).sort()).toEqual([...a.keys()].filter((k) => b.has(k) && !isDeepStrictEqual(a.get(k), b.get(k))).sort());
    });
});
