import { chartData, DEFAULT_CHART_VERSION } from '../../src/values/chart-version';
import { ValuesError } from '../../src/values/errors';
import { schemaDiagnostics, validateValues as validateIn } from '../../src/values/schema';
import { deepFreeze } from '../../src/values/value-map';
import { caseValues, loadCases, withCorpus } from '../conformance/cases';

type Values = { [key: string]: unknown };

const CHART_DEFAULTS = chartData(DEFAULT_CHART_VERSION).defaults as Values;
const validateValues = (values: unknown) => validateIn(values, DEFAULT_CHART_VERSION);

const isMap = (v: unknown): v is Values => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The user's values over the chart defaults: maps merge, lists and scalars replace, null deletes. */
function merge(base: Values, over: Values): Values {
  const out: Values = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete out[k];
    else out[k] = isMap(v) && isMap(out[k]) ? merge(out[k] as Values, v) : v;
  }
  return out;
}

const withDefaults = (user: Values): Values => merge(CHART_DEFAULTS, user);

/** The ValuesError validateValues throws for these values (merged over the defaults). */
function errorFor(user: Values): ValuesError {
  try {
    validateValues(withDefaults(user));
  } catch (e) {
    if (e instanceof ValuesError) return e;
    throw e;
  }
  throw new Error('expected validateValues to throw');
}

describe('validateValues', () => {
  test('accepts the chart defaults', () => {
    expect(() => validateValues(CHART_DEFAULTS)).not.toThrow();
  });

  test('accepts nothing at all, as Helm accepts an empty values file', () => {
    expect(() => validateValues(undefined)).not.toThrow();
    expect(() => validateValues({})).not.toThrow();
  });

  test('refuses an unknown key, naming it and listing the allowed keys', () => {
    const e = errorFor({ controlPlane: { distro: { k8s: { enabled: true, imagePolicy: 'x' } } } });
    expect(e.path).toBe('controlPlane.distro.k8s.imagePolicy');
    expect(e.message).toContain(`controlPlane.distro.k8s.imagePolicy: unknown key (not in vCluster ${DEFAULT_CHART_VERSION}'s values schema). `);
    expect(e.message).toMatch(/allowed keys here: .*imagePullPolicy/);
  });

  test('refuses the removed k3s and k0s distros, saying where their settings go', () => {
    for (const distro of ['k3s', 'k0s']) {
      const e = errorFor({ controlPlane: { distro: { [distro]: { enabled: true } } } });
      expect(e.path).toBe(`controlPlane.distro.${distro}`);
      expect(e.message).toBe(
        `controlPlane.distro.${distro}: the ${distro} distro was removed from vCluster; chart ${DEFAULT_CHART_VERSION} runs Kubernetes (k8s) only. ` +
          'Move its settings to controlPlane.distro.k8s (image, resources, env, ...) and remove this key.',
      );
    }
  });

  test('suggests the closest allowed key for a typo', () => {
    const e = errorFor({ controlPlane: { statefulSet: { highAvailability: { replcias: 3 } } } });
    expect(e.message).toBe(
      `controlPlane.statefulSet.highAvailability.replcias: unknown key (not in vCluster ${DEFAULT_CHART_VERSION}'s values schema). ` +
        'Did you mean replicas? Otherwise remove it; allowed keys here: replicas, leaseDuration, renewDeadline, retryPeriod.',
    );
  });

  test('suggests nothing when no allowed key is close', () => {
    expect(errorFor({ sync: { toHost: { unicorns: {} } } }).message).not.toContain('Did you mean');
  });

  test('refuses a value of the wrong type, showing what was found', () => {
    const e = errorFor({ controlPlane: { statefulSet: { highAvailability: { replicas: 'two' } } } });
    expect(e.path).toBe('controlPlane.statefulSet.highAvailability.replicas');
    expect(e.message).toBe('controlPlane.statefulSet.highAvailability.replicas: expected integer, got string "two".');
  });

  test('refuses a map where a scalar belongs, shortening what it shows', () => {
    const long = 'x'.repeat(100);
    const e = errorFor({ controlPlane: { distro: { k8s: { enabled: { really: long } } } } });
    expect(e.message).toBe(`controlPlane.distro.k8s.enabled: expected boolean, got object {"really":"${'x'.repeat(46)}....`);
  });

  test('takes integer to mean a number without a fractional part', () => {
    expect(() => validateValues(withDefaults({ controlPlane: { statefulSet: { highAvailability: { replicas: 3 } } } }))).not.toThrow();
    expect(() => validateValues(withDefaults({ controlPlane: { statefulSet: { highAvailability: { replicas: 3.0 } } } }))).not.toThrow();
    expect(errorFor({ controlPlane: { statefulSet: { highAvailability: { replicas: 1.5 } } } }).message)
      .toBe('controlPlane.statefulSet.highAvailability.replicas: expected integer, got number 1.5.');
  });

  test('checks every item of a list, naming its index', () => {
    const e = errorFor({ controlPlane: { statefulSet: { env: [{ name: 'A', value: 'b' }, 'C=d'] } } });
    expect(e.message).toBe('controlPlane.statefulSet.env[1]: expected object, got string "C=d".');
    expect(errorFor({ controlPlane: { proxy: { extraSANs: ['a.example', 42] } } }).message)
      .toBe('controlPlane.proxy.extraSANs[1]: expected string, got number 42.');
  });

  test('refuses a scalar where a list belongs', () => {
    expect(errorFor({ controlPlane: { proxy: { extraSANs: 'a.example' } } }).message)
      .toBe('controlPlane.proxy.extraSANs: expected array, got string "a.example".');
  });

  test('accepts either alternative of a oneOf, and names both when neither matches', () => {
    expect(() => validateValues(withDefaults({ policies: { limitRange: { enabled: 'auto' } } }))).not.toThrow();
    expect(() => validateValues(withDefaults({ policies: { limitRange: { enabled: true } } }))).not.toThrow();
    expect(errorFor({ policies: { limitRange: { enabled: 1 } } }).message)
      .toBe('policies.limitRange.enabled: expected string or boolean, got number 1.');
  });

  test('checks each plugin against the plugin schema (anyOf with additionalProperties)', () => {
    expect(() => validateValues(withDefaults({ plugins: { hooks: { image: 'repo/hooks:1' } } }))).not.toThrow();
    expect(errorFor({ plugins: 'hooks' }).message).toBe('plugins: expected object, got string "hooks".');
    expect(errorFor({ plugins: { hooks: { image: 1 } } }).message).toBe('plugins.hooks.image: expected string, got number 1.');
  });

  test('accepts any key in a map of strings, but only strings', () => {
    expect(() => validateValues(withDefaults({ controlPlane: { statefulSet: { labels: { 'example.com/team': 'a' } } } }))).not.toThrow();
    expect(errorFor({ controlPlane: { statefulSet: { labels: { 'example.com/team': 1 } } } }).message)
      .toBe('controlPlane.statefulSet.labels["example.com/team"]: expected string, got number 1.');
  });

  test('requires the keys the schema requires', () => {
    const e = errorFor({ privateNodes: { autoNodes: [{ dynamic: [{ provider: 'p' }] }] } });
    expect(e.message).toContain('privateNodes.autoNodes[0].provider: required key is missing. Set it.');
    expect(e.message).toContain('privateNodes.autoNodes[0].dynamic[0].name: required key is missing. Set it.');
  });

  test('checks string patterns and minimum lengths', () => {
    const proxied = (target: Values) => ({
      experimental: { proxy: { customResources: { 'tasks.example.com/v1': { enabled: true, targetVirtualCluster: target } } } },
    });
    expect(() => validateValues(withDefaults(proxied({ name: 'vc-2', project: 'p' })))).not.toThrow();
    expect(errorFor(proxied({ name: 'VC_2' })).message).toBe(
      'experimental.proxy.customResources["tasks.example.com/v1"].targetVirtualCluster.name: ' +
        'expected a string matching ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$, got string "VC_2".',
    );
    expect(errorFor(proxied({ name: '' })).message).toContain('targetVirtualCluster.name: expected at least 1 character(s), got string "".');
  });

  test('treats null and undefined map values as absent, as Helm deletes them before validating', () => {
    expect(() => validateValues(withDefaults({ sync: { toHost: { pods: { enabled: undefined } } } }))).not.toThrow();
    expect(() => validateValues({ ...CHART_DEFAULTS, sync: null, bogus: null })).not.toThrow();
  });

  test('reports every problem, one per line, with the first one as path', () => {
    const e = errorFor({
      controlPlane: { distro: { k3s: { enabled: true } }, statefulSet: { highAvailability: { replicas: 'two' } } },
    });
    expect(e.path).toBe('controlPlane.distro.k3s');
    expect(e.message.split('\n')).toEqual([
      `controlPlane.distro.k3s: the k3s distro was removed from vCluster; chart ${DEFAULT_CHART_VERSION} runs Kubernetes (k8s) only. ` +
        'Move its settings to controlPlane.distro.k8s (image, resources, env, ...) and remove this key.',
      'controlPlane.statefulSet.highAvailability.replicas: expected integer, got string "two".',
    ]);
  });

  test('refuses values that are not a map', () => {
    expect(() => validateValues([])).toThrow('(root): expected object, got array [].');
  });
});

withCorpus('Schema conformance checks', () => {
  const cases = loadCases();

  describe('validateValues on the conformance corpus', () => {
    test.each(cases.filter((c) => c.expected !== undefined).map((c) => [c.name, c] as const))(
      'accepts %s, which the chart renders',
      (_, c) => {
        expect(() => validateValues(withDefaults(caseValues(c)))).not.toThrow();
      },
    );

    // Some refusals come from the chart's templates, not its schema: report, do not assert.
    test('reports which cases the chart refuses are caught by the schema', () => {
      const refused = cases.filter((c) => c.mustMention !== undefined);
      const lines: string[] = [];
      let caught = 0;
      let mentioned = 0;
      for (const c of refused) {
        let message: string | undefined;
        try {
          validateValues(withDefaults(caseValues(c)));
        } catch (e) {
          if (!(e instanceof ValuesError)) throw e;
          message = e.message;
        }
        const mentionsAll = message !== undefined && c.mustMention!.every((w) => message!.toLowerCase().includes(w.toLowerCase()));
        if (message !== undefined) caught++;
        if (mentionsAll) mentioned++;
        const missing = mentionsAll ? '' : ` without mentioning all of ${c.mustMention!.join(', ')}`;
        lines.push(`  ${c.name}: ${message === undefined ? 'accepted (left to the templates)' : `refused${missing}: ${message.split('\n')[0]}`}`);
      }
      console.log(`schema refuses ${caught}/${refused.length} of the cases the chart refuses; ${mentioned} mention all mustMention ` +
        `words\n${lines.join('\n')}`);
    });
  });
});

describe('values frozen and shared between checks (the chart defaults a fleet leaves alone)', () => {
  /** The chart defaults with VALUE itself (not a merged copy) at PATH. */
  const placed = (path: readonly string[], value: unknown, into: Values = CHART_DEFAULTS): Values =>
    ({ ...into, [path[0]]: path.length === 1 ? value : placed(path.slice(1), value, into[path[0]] as Values) });
  const problems = (values: Values) => schemaDiagnostics(values, DEFAULT_CHART_VERSION).map((d) => `${d.path}: ${d.message}`);

  test('a frozen subtree another place accepted is still refused where the schema says otherwise', () => {
    const section = deepFreeze({ enabled: true });
    expect(problems(placed(['sync', 'toHost', 'ingresses'], section))).toEqual([]);
    expect(problems(placed(['controlPlane', 'ingress', 'host'], section))).toEqual([
      expect.stringMatching(/^controlPlane\.ingress\.host: expected string, got object/),
    ]);
  });

  test('a frozen subtree the schema refuses is refused every time', () => {
    const section = deepFreeze({ enabled: 'yes' });
    for (let i = 0; i < 2; i++) {
      expect(problems(placed(['sync', 'toHost', 'ingresses'], section))).toEqual([
        expect.stringMatching(/^sync\.toHost\.ingresses\.enabled: expected boolean, got string/),
      ]);
    }
  });
});
