import { ApiObject, App, AppProps, Chart, JsonPatch, Testing, Yaml, YamlOutputType } from 'cdk8s';
import { Construct } from 'constructs';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object itself, so that jest.spyOn can replace its functions
import fs = require('fs');
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { tutorialProps } from '../main';
import { FleetApp } from '../src/fleet-app';
import { VCluster } from '../src/vcluster';

/** Every file under DIR, by relative path, with its bytes. */
function filesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/** A chart whose toJson() adds a document, as a user's Chart subclass may. */
class AnnotatedChart extends Chart {
  public override toJson(): any[] {
    return [...super.toJson(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${this.node.id}-extra` } }];
  }
}

/**
 * A fleet as users write it: a Chart per tenant, plus what cdk8s orders by dependencies: a
 * shared chart the tenants depend on, objects depending on each other, a nested chart.
 */
function fleet(app: App): void {
  const shared = new Chart(app, 'shared');
  const quota = new ApiObject(shared, 'quota', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'quota' } });
  const config = new ApiObject(shared, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config' } });
  config.addDependency(quota);
  for (const name of ['tenant-b', 'tenant-a', 'tenant-c']) {
    const chart = name === 'tenant-c' ? new AnnotatedChart(app, name) : new Chart(app, name);
    new VCluster(chart, name, tutorialProps(name));
    chart.addDependency(shared);
  }
  const parent = new Chart(app, 'parent');
  new ApiObject(new Chart(parent, 'child'), 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'child' } });
}

function synthesized(AppClass: new (props: AppProps) => App, props: AppProps = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk8s-vcluster-fleet-'));
  const app = new AppClass({ ...props, outdir });
  fleet(app);
  app.synth();
  const again = new AppClass({ ...props, outdir: join(outdir, 'unused') });
  fleet(again);
  return { files: filesUnder(outdir), yaml: again.synthYaml() };
}

describe('FleetApp', () => {
  test.each([
    ['one file per chart (the default)', undefined],
    ['one file for the app', YamlOutputType.FILE_PER_APP],
    ['one file per resource', YamlOutputType.FILE_PER_RESOURCE],
    ['a folder per chart, a file per resource', YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE],
  ])('writes byte for byte what App writes: %s', (_layout, yamlOutputType) => {
    const expected = synthesized(App, { yamlOutputType });
    const actual = synthesized(FleetApp, { yamlOutputType });
    expect([...actual.files.keys()]).toEqual([...expected.files.keys()]);
    for (const [file, text] of expected.files) expect(actual.files.get(file)).toBe(text);
    expect(actual.yaml).toBe(expected.yaml);
  });

  test.each([
    ['one file per chart', YamlOutputType.FILE_PER_CHART],
    ['a folder per chart, a file per resource', YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE],
  ])('writes byte for byte what App writes when nothing depends on anything, charts with integer ids included: %s', (_layout, yamlOutputType) => {
    const independent = (app: App) => {
      for (const id of ['tenant-b', '10', '2', 'tenant-a']) {
        const chart = new Chart(app, id);
        const group = new Construct(chart, 'group');
        new ApiObject(group, 'late', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${id}-late` } });
        new ApiObject(chart, 'early', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${id}-early` } });
        if (id === 'tenant-a') new VCluster(chart, 'vc', tutorialProps('vc'));
      }
    };
    const written = (AppClass: new (props: AppProps) => App) => {
      const outdir = mkdtempSync(join(tmpdir(), 'cdk8s-vcluster-fleet-'));
      const app = new AppClass({ outdir, yamlOutputType });
      independent(app);
      app.synth();
      const again = new AppClass({ outdir: join(outdir, 'unused') });
      independent(again);
      return { files: filesUnder(outdir), yaml: again.synthYaml() };
    };
    const expected = written(App);
    const actual = written(FleetApp);
    expect([...actual.files.keys()]).toEqual([...expected.files.keys()]);
    for (const [file, text] of expected.files) expect(actual.files.get(file)).toBe(text);
    expect(actual.yaml).toBe(expected.yaml);
  });

  test('writes what App writes with construct metadata recorded, construct-metadata.json included', () => {
    const expected = synthesized(App, { recordConstructMetadata: true });
    const actual = synthesized(FleetApp, { recordConstructMetadata: true });
    expect(expected.files.has('construct-metadata.json')).toBe(true);
    expect(actual.files).toEqual(expected.files);
  });

  test('keeps the dependency order of charts and objects', () => {
    const { files } = synthesized(FleetApp);
    // Charts that others depend on come first, a nested chart before its parent; cdk8s then
    // numbers the files (0000-shared.k8s.yaml, ..., 0004-parent-child-<hash>.k8s.yaml).
    const charts = [...files.keys()].map((f) => f.replace(/^\d{4}-/, '').replace(/(-[0-9a-f]{8})?\.k8s\.yaml$/, ''));
    expect(charts).toEqual(['shared', 'tenant-b', 'tenant-a', 'tenant-c', 'parent-child', 'parent']);
    const shared = [...files.values()][0];
    expect(shared.indexOf('name: quota')).toBeLessThan(shared.indexOf('name: config'));
    expect(files.get('0003-tenant-c.k8s.yaml')).toContain('name: tenant-c-extra');
  });

  test('validates the app once in synth, and again only for a chart class that renders itself, where App validates again per chart', () => {
    const validations = (AppClass: new (props: AppProps) => App) => {
      const app = new AppClass({ outdir: mkdtempSync(join(tmpdir(), 'cdk8s-vcluster-fleet-')) });
      fleet(app);
      let count = 0;
      app.node.addValidation({ validate: () => (count++, []) });
      app.synth();
      return { count, charts: app.node.findAll().filter(Chart.isChart).length };
    };
    const app = validations(App);
    expect(app.count).toBe(1 + app.charts);
    // Once for the app, once for tenant-c, whose own toJson() calls cdk8s's.
    expect(validations(FleetApp).count).toBe(2);
  });

  test('writes with the app\'s own Yaml.stringify when the library\'s writer would write otherwise, and restores it', () => {
    const original = Yaml.stringify;
    // A cdk8s whose yaml quotes every plain word.
    const quoting = (...docs: any[]) => original.call(Yaml, ...docs).replace(/: ([a-z]+)\n/g, ': "$1"\n');
    Yaml.stringify = quoting;
    try {
      const expected = synthesized(App);
      const actual = synthesized(FleetApp);
      expect(actual.yaml).toMatch(/: "[a-z]+"\n/);
      for (const [file, text] of expected.files) expect(actual.files.get(file)).toBe(text);
      expect(actual.yaml).toBe(expected.yaml);
      expect(Yaml.stringify).toBe(quoting);
    } finally {
      Yaml.stringify = original;
    }
    synthesized(FleetApp);
    expect(Yaml.stringify).toBe(original);
  });

  test('reports validation errors as App does', () => {
    const failing = (AppClass: new (props: AppProps) => App) => {
      const app = new AppClass({ outdir: mkdtempSync(join(tmpdir(), 'cdk8s-vcluster-fleet-')) });
      fleet(app);
      const tenant = app.node.findChild('tenant-a').node.findChild('tenant-a') as Construct;
      tenant.node.addValidation({ validate: () => ['a tenant without an owner'] });
      return app;
    };
    const message = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    const expected = message(() => failing(App).synth());
    expect(expected).toContain('[tenant-a/tenant-a] a tenant without an owner');
    expect(message(() => failing(FleetApp).synth())).toBe(expected);
    expect(message(() => failing(FleetApp).synthYaml())).toBe(message(() => failing(App).synthYaml()));
  });

  test('leaves charts rendered outside its synth, and other apps, as cdk8s renders them', () => {
    const app = new FleetApp();
    fleet(app);
    app.synthYaml();
    const chart = Testing.chart();
    new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap' });
    chart.node.addValidation({ validate: () => ['invalid'] });
    // Validation runs again: cdk8s's own Chart.toJson, not the fleet's shortcut.
    expect(() => Testing.synth(chart)).toThrow(/invalid/);
  });

  test('writes what a virtual cluster\'s objects are at each synth, a patch added between two synths included', () => {
    const app = new FleetApp({ outdir: mkdtempSync(join(tmpdir(), 'fleet-')) });
    const vc = new VCluster(new Chart(app, 'tenant'), 'vc1', tutorialProps('vc1'));
    const service = () => app.synthYaml().split('---\n').find((d) => /^kind: Service$/m.test(d) && /^ {2}name: vc1$/m.test(d));
    expect(service()).not.toMatch(/patched/);
    vc.findApiObject('Service')!.addJsonPatch(JsonPatch.add('/metadata/labels/patched', 'yes'));
    expect(service()).toMatch(/patched: "yes"/);
    app.synth();
    expect([...filesUnder(app.outdir).values()].join('')).toMatch(/patched: "yes"/);
  });
});

/** A fleet with a chart that throws while it is written. */
function brokenFleet(outdir: string): FleetApp {
  const app = new FleetApp({ outdir });
  fleet(app);
  new (class extends Chart {
    public override toJson(): any[] {
      throw new Error('broken chart');
    }
  })(app, 'broken');
  return app;
}

describe('FleetApp writes its output whole or not at all', () => {
  /** A fleet synthesized into a fresh folder, with a file of the user's beside the output; returns the folder and its files. */
  function previousOutput() {
    const parent = mkdtempSync(join(tmpdir(), 'cdk8s-vcluster-staged-'));
    const outdir = join(parent, 'dist');
    const app = new FleetApp({ outdir });
    fleet(app);
    app.synth();
    writeFileSync(join(outdir, 'README.md'), 'mine');
    return { parent, outdir, files: filesUnder(outdir) };
  }

  test('leaves the previous output intact when the disk fills up mid-synth', () => {
    const { parent, outdir, files } = previousOutput();
    const app = new FleetApp({ outdir });
    fleet(app);
    new VCluster(new Chart(app, 'tenant-d'), 'tenant-d', tutorialProps('tenant-d'));
    const write = fs.writeFileSync;
    let calls = 0;
    const full = jest.spyOn(fs, 'writeFileSync').mockImplementation((...args: Parameters<typeof write>) => {
      if (++calls === 3) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      write(...args);
    });
    try {
      expect(() => app.synth()).toThrow(`cannot write ${outdir} (ENOSPC); nothing was changed there`);
    } finally {
      full.mockRestore();
    }
    expect(filesUnder(outdir)).toEqual(files);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  test('puts back the output a crash left aside between the two renames, even when this synth fails', () => {
    const { parent, outdir, files } = previousOutput();
    // What a kill -9 between the renames leaves: the old output stepped aside, the new one unrenamed.
    fs.renameSync(outdir, join(parent, '.dist-AbC123-previous'));
    fs.mkdirSync(join(parent, '.dist-AbC123'));
    expect(() => brokenFleet(outdir).synth()).toThrow('broken chart');
    expect(filesUnder(outdir)).toEqual(files);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  test('leaves the previous output intact when a construct fails while it is written', () => {
    const { parent, outdir, files } = previousOutput();
    expect(() => brokenFleet(outdir).synth()).toThrow('broken chart');
    expect(filesUnder(outdir)).toEqual(files);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  test('leaves the previous output intact when the app is invalid', () => {
    const { outdir, files } = previousOutput();
    const app = new FleetApp({ outdir });
    fleet(app);
    new VCluster(new Chart(app, 'bad'), 'bad', {
      values: { controlPlane: { backingStore: { etcd: { deploy: { enabled: true }, embedded: { enabled: true } } } } },
    });
    expect(() => app.synth()).toThrow();
    expect(filesUnder(outdir)).toEqual(files);
  });

  test('keeps the files it does not write, as App does, and writes the new output', () => {
    const { outdir } = previousOutput();
    const app = new FleetApp({ outdir });
    fleet(app);
    new VCluster(new Chart(app, 'tenant-d'), 'tenant-d', tutorialProps('tenant-d'));
    app.synth();
    expect(readFileSync(join(outdir, 'README.md'), 'utf8')).toBe('mine');
    expect(readdirSync(outdir)).toContain('0006-tenant-d.k8s.yaml');
  });
});
