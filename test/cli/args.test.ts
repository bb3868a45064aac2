import { allValues, FLAGS, isSet, lastValue, parseCommandLine, usage } from '../../src/cli/args';
import { COMMAND_NAMES } from '../../src/cli/commands';

/** The flag forms helm accepts (spf13/pflag, as cobra uses it), checked against `helm template`. */
describe('the command line as helm reads it', () => {
  test.each([
    [['-n', 'vc1']],
    [['-nvc1']],
    [['-n=vc1']],
    [['--namespace', 'vc1']],
    [['--namespace=vc1']],
  ])('reads the namespace from %j', (flags) => {
    expect(lastValue(parseCommandLine(['template', 'vc1', ...flags]), 'namespace')).toBe('vc1');
  });

  test('keeps the last value of a flag given twice', () => {
    expect(lastValue(parseCommandLine(['template', '-n', 'a', '--namespace=b']), 'namespace')).toBe('b');
  });

  test('takes the next argument as the value even when it starts with a dash, as pflag does', () => {
    expect(allValues(parseCommandLine(['template', '-f', '-', '-n', '-x']), 'values')).toEqual(['-']);
    expect(lastValue(parseCommandLine(['template', '-n', '-x']), 'namespace')).toBe('-x');
  });

  test('splits -f and -a values at commas like pflag string slices, quotes keeping commas', () => {
    const args = parseCommandLine(['template', '-f', 'a.yaml,b.yaml', '--values=c.yaml', '-f', '"d,e.yaml",f.yaml', '-a', 'v1,apps/v1']);
    expect(allValues(args, 'values')).toEqual(['a.yaml', 'b.yaml', 'c.yaml', 'd,e.yaml', 'f.yaml']);
    expect(allValues(args, 'api-versions')).toEqual(['v1', 'apps/v1']);
  });

  test('keeps every --set argument whole and in order', () => {
    const args = parseCommandLine(['template', '--set', 'a=1,b=2', '--set-json', 'c=3', '--set=d=4']);
    expect(allValues(args, 'set')).toEqual(['a=1,b=2', 'd=4']);
    expect(allValues(args, 'set-json')).toEqual(['c=3']);
  });

  test('reads booleans alone, grouped, or with Go spellings after =', () => {
    const args = parseCommandLine(['template', '--skip-tests', '--no-hooks=false', '--include-crds=T', '-gs', 'templates/role.yaml']);
    expect([isSet(args, 'skip-tests'), isSet(args, 'no-hooks'), isSet(args, 'include-crds'), isSet(args, 'generate-name')]).toEqual([
      true,
      false,
      true,
      true,
    ]);
    expect(allValues(args, 'show-only')).toEqual(['templates/role.yaml']);
    expect(() => parseCommandLine(['template', '--no-hooks=maybe'])).toThrow('invalid argument "maybe" for "--no-hooks" flag');
  });

  test('takes the value of --wait and --dry-run only after =, as helm does', () => {
    const args = parseCommandLine(['template', '--wait', 'vc1', '--dry-run=client']);
    expect(args.positionals).toEqual(['vc1']);
    expect(lastValue(args, 'dry-run')).toBe('client');
  });

  test('reads everything after -- as arguments, and a value like -n=x as the value of the flag before it', () => {
    expect(parseCommandLine(['template', '--', '-vc1', '-n=x']).positionals).toEqual(['-vc1', '-n=x']);
    const args = parseCommandLine(['template', '--set', '-n=x', '-gs', '-n=y']);
    expect([allValues(args, 'set'), allValues(args, 'show-only'), lastValue(args, 'namespace')]).toEqual([['-n=x'], ['-n=y'], undefined]);
  });

  test.each([
    [['template', '--bogus'], 'unknown flag --bogus'],
    [['template', '-x'], 'unknown flag -x'],
    [['template', '--class-name', 'X'], '--class-name is a flag of import, not of template'],
    [['import', '--set', 'a=1'], '--set is a flag of template and check, not of import'],
    [['template', '-n'], '-n needs a value: -n NAMESPACE'],
    [['template', '--post-renderer', 'kustomize'], '--post-renderer is not supported: post-renderers are helm plugins'],
    [['template', '--skip-schema-validation'], "--skip-schema-validation is not supported: values are always validated against the chart's schema"],
    [['install', 'vc1'], 'unknown command "install"'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(message);
  });

  test('asks for help with -h or --help anywhere, or without arguments; after a command, for its help', () => {
    expect(parseCommandLine([]).topic).toBeUndefined();
    expect(parseCommandLine(['--help'])).toMatchObject({ command: 'help' });
    expect(parseCommandLine(['template', 'vc1', '-h'])).toMatchObject({ command: 'help', topic: 'template' });
    expect(parseCommandLine(['help', 'import'])).toMatchObject({ command: 'help', topic: 'import' });
  });
});

describe('--help', () => {
  test.each(COMMAND_NAMES)('documents every flag of %s in its help', (command) => {
    const text = usage(command);
    for (const f of FLAGS.filter((x) => x.commands.includes(command))) {
      expect(text).toContain(`--${f.name}`);
      if (f.short) expect(text).toMatch(new RegExp(`-${f.short}[,/] ?--${f.name}`));
    }
  });

  test('keeps to 100 columns', () => {
    for (const topic of [undefined, ...COMMAND_NAMES]) expect(usage(topic).split('\n').filter((l) => l.length > 100)).toEqual([]);
  });
});
