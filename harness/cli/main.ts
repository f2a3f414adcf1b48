import { parseArgs } from 'node:util';
import { EnvironmentError } from '../environment-error.ts';
import { CATALOG_CAPABILITY_NAMES, unknownCapabilities } from '../conformance/index.ts';
import { defaultKnownIssuesFile, defaultScenarioPaths } from '../package-root.ts';
import { scenarioJsonSchema } from '../scenario/index.ts';
import { err, out, printEnvironmentError, UsageError } from './cli-output.ts';

const HELP = `paimon-interop — conformance and interoperability harness for the Paimon REST catalog

Usage:
  paimon-interop run [paths...] [--env local|external|docker] [--config external.yaml] [--paimon 1.4.2|1.3.1,1.4.2|all]
                     [--cross A>B,...|all] [--catalog-paimon V] [--catalog java|python]
                     [--baseline reports/<run-id>] [--fail-on any|new] [--tier default|nightly] [--tag T]... [--engine E[,E]]...
                     [--shard i/n] [--jobs N] [--repeat N] [--update] [--keep] [--reports-dir reports] [--known-issues known-issues.yaml]
                     [--spark-connector <jar>] [--flink-connector <jar>] [--images official|local]
  paimon-interop conformance [--env local|external] [--config F] [--catalog java|python] [--paimon V]
                     [--capabilities core,views,...] [--reports-dir reports] [--known-issues known-issues.yaml]
  paimon-interop report <raw-results.json or run dir>... [--out dir] [--baseline run] [--known-issues file] [--fail-on any|new]
  paimon-interop list [paths...] [--tier default|nightly] [--tag T]... [--engine E[,E]]...
  paimon-interop report-issue <known-issue id> [--from reports/<run>] [--out file.md]
  paimon-interop validate [paths...]
  paimon-interop setup [--paimon 1.4.2|2.0.0,1.4.2|all] [--refresh]
  paimon-interop images build [--paimon 1.4.2|all] [--refresh]
  paimon-interop cache list | prune [--paimon V,...|all] [--dry-run]
  paimon-interop cleanup --env external --config F [--older-than 1d] [--dry-run]
  paimon-interop schema
  paimon-interop bench [paths...] [--jobs N] [--naive <scenario instance id>] [--reports-dir reports]
  paimon-interop explore [--seed S] [--budget 10m] [--paimon V | --cross A>B] [--jobs N] [--engine E[,E]]... [--env local|external] [--config F]

Paths default to scenarios/. --tier: 'default' runs the default tier (fast, representative); 'nightly'
runs every scenario, the full combination space (scenarios marked tier: nightly). --jobs: scenario instances in flight at once (default: cores + 1, at
most 4, fewer when memory is short). --repeat N: run each selected instance N times on the same environment;
every step is reported stable pass, stable fail or flaky (stability.md; flaky cells marked in the reports). bench: the suite with --jobs 1 and --jobs N in one invocation, and
one seed scenario run one process per statement beside the harness; writes reports/bench-<id>/bench.json
and bench.md. cleanup: drops the databases interrupted runs left in an external catalog (pi_<run id>_…,
older than --older-than, default 1d), listing each first; nothing else is touched. conformance: the
scenarios tagged conformance against one catalog; writes conformance.md/.html/.json (a verdict per
capability, endpoint coverage against the specification) and exits 1 unless every claimed
capability passed or is a known deviation. --capabilities: what the catalog claims (default: the
config's catalog.capabilities, else everything its Paimon release specifies). explore: generated
cases (a table, writes by random writers, reads judged by a model and by every reader agreeing) for
--budget (default 10m) from --seed (default random, printed); a new disagreement is shrunk and saved
as a scenario under reports/explore-<id>/cases/ with findings.md; exit 1 when there is one. Exit codes: 0 ok, 1 failures or invalid scenarios, 2 environment error.`;

/** The options each command takes (besides --help); any other given to it is a usage error, not silently ignored. */
const FILTER = ['tag', 'tier', 'engine', 'shard'];
const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  run: [
    ...FILTER,
    'env',
    'config',
    'paimon',
    'cross',
    'catalog-paimon',
    'catalog',
    'jobs',
    'repeat',
    'update',
    'keep',
    'reports-dir',
    'known-issues',
    'baseline',
    'fail-on',
    'capabilities',
    'spark-connector',
    'flink-connector',
    'images',
  ],
  conformance: [
    ...FILTER,
    'env',
    'config',
    'paimon',
    'catalog-paimon',
    'catalog',
    'jobs',
    'keep',
    'reports-dir',
    'known-issues',
    'fail-on',
    'capabilities',
    'spark-connector',
    'flink-connector',
  ],
  report: ['out', 'baseline', 'known-issues', 'fail-on'],
  list: FILTER,
  'report-issue': ['from', 'out', 'known-issues'],
  validate: ['known-issues'],
  setup: ['paimon', 'refresh'],
  images: ['paimon', 'refresh'],
  cache: ['paimon', 'dry-run'],
  cleanup: ['env', 'config', 'older-than', 'dry-run'],
  schema: [],
  bench: ['jobs', 'naive', 'reports-dir', 'known-issues'],
  explore: ['seed', 'budget', 'paimon', 'cross', 'jobs', 'engine', 'env', 'config', 'reports-dir', 'known-issues', 'keep'],
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    tokens: true,
    options: {
      env: { type: 'string', default: 'local' },
      paimon: { type: 'string' },
      tag: { type: 'string', multiple: true },
      tier: { type: 'string', default: 'default' },
      engine: { type: 'string', multiple: true },
      shard: { type: 'string' },
      jobs: { type: 'string' },
      repeat: { type: 'string' },
      update: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      refresh: { type: 'boolean', default: false },
      'reports-dir': { type: 'string' },
      'known-issues': { type: 'string' },
      config: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      cross: { type: 'string' },
      'catalog-paimon': { type: 'string' },
      catalog: { type: 'string', default: 'java' },
      baseline: { type: 'string' },
      'fail-on': { type: 'string', default: 'any' },
      naive: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'older-than': { type: 'string' },
      capabilities: { type: 'string' },
      seed: { type: 'string' },
      budget: { type: 'string' },
      'spark-connector': { type: 'string' },
      'flink-connector': { type: 'string' },
      images: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...paths] = positionals;
  if (values.help || !command) {
    out(HELP);
    return command || values.help ? 0 : 1;
  }
  const allowed = COMMAND_OPTIONS[command];
  const stray = allowed
    ? [...new Set(tokens.flatMap((t) => (t.kind === 'option' && t.name !== 'help' && !allowed.includes(t.name) ? [t.rawName] : [])))]
    : [];
  if (stray.length)
    throw new UsageError(
      `${stray.join(', ')} ${stray.length > 1 ? 'are not options' : 'is not an option'} of '${command}' (its options: ${allowed!.map((o) => `--${o}`).join(' ') || 'none'})`,
    );
  if (values.shard !== undefined && !/^[1-9]\d*\/[1-9]\d*$/.test(values.shard))
    throw new UsageError(`--shard takes i/n, e.g. 1/3 (got '${values.shard}')`);
  if (values.jobs !== undefined && !/^[1-9]\d{0,2}$/.test(values.jobs))
    throw new UsageError(`--jobs takes a whole number from 1 to 999 (got '${values.jobs}')`);
  if (values.repeat !== undefined && !/^[1-9]\d?$/.test(values.repeat))
    throw new UsageError(`--repeat takes a whole number from 1 to 99 (got '${values.repeat}')`);
  if (values.repeat !== undefined && values.update)
    throw new UsageError('--repeat and --update do not go together: --update rewrites expectations from one run');
  // `--engine a,b` and `--engine a --engine b` mean the same.
  const list = (v: string[] | undefined) =>
    v
      ?.flatMap((x) => x.split(','))
      .map((x) => x.trim())
      .filter(Boolean);
  if (values.tier !== 'default' && values.tier !== 'nightly')
    throw new UsageError(`--tier takes default or nightly (got '${values.tier}')`);
  // Without a scenarios/ folder or known-issues.yaml here, the ones that come with the tool.
  const knownIssuesFile = values['known-issues'] ?? defaultKnownIssuesFile();
  const filter = {
    paths: paths.length ? paths : defaultScenarioPaths(),
    tags: list(values.tag),
    engines: list(values.engine),
    shard: values.shard,
    tier: values.tier as 'default' | 'nightly',
  };
  /** `--fail-on` of report, run and conformance, checked where one of them runs. */
  const failOn = (): 'any' | 'new' => {
    if (values['fail-on'] !== 'any' && values['fail-on'] !== 'new')
      throw new UsageError(`--fail-on takes any or new (got '${values['fail-on']}')`);
    return values['fail-on'];
  };
  switch (command) {
    case 'validate':
      // Commands load what they need when they run: `validate` and `list` never load vitest.
      return (await import('./validate-command.ts')).validateCommand(paths, knownIssuesFile);
    case 'list':
      return (await import('./list-command.ts')).listCommand(filter);
    case 'cache':
      return (await import('./cache-command.ts')).cacheCommand({ action: paths[0], paimon: values.paimon, dryRun: values['dry-run'] });
    case 'cleanup':
      return (await import('./cleanup-command.ts')).cleanupCommand({
        env: values.env,
        config: values.config,
        olderThan: values['older-than'],
        dryRun: values['dry-run'],
      });
    case 'bench': {
      const bench = await import('./bench-command.ts');
      return bench.benchCommand({
        paths: filter.paths,
        jobs: values.jobs === undefined ? undefined : Number(values.jobs),
        naive: values.naive ?? bench.DEFAULT_NAIVE,
        reportsDir: values['reports-dir'],
        knownIssuesFile,
      });
    }
    case 'explore':
      if (paths.length) throw new UsageError(`explore takes no paths: it generates its cases (got ${paths.join(' ')})`);
      return (await import('./explore-command.ts')).exploreCommand({
        seed: values.seed,
        budget: values.budget,
        paimon: values.paimon,
        cross: values.cross,
        jobs: values.jobs,
        engines: filter.engines,
        env: values.env,
        configFile: values.config,
        reportsDir: values['reports-dir'],
        knownIssuesFile,
        keep: values.keep,
      });
    case 'schema':
      out(JSON.stringify(scenarioJsonSchema(), null, 2));
      return 0;
    case 'report':
      return (await import('./report-command.ts')).reportCommand({
        inputs: paths,
        out: values.out,
        baseline: values.baseline,
        knownIssuesFile: values['known-issues'],
        failOn: failOn(),
      });
    case 'report-issue':
      return (await import('./report-issue-command.ts')).reportIssueCommand({
        id: paths[0],
        from: values.from,
        out: values.out,
        knownIssuesFile,
      });
    case 'setup':
      return (await import('./setup-command.ts')).setupCommand({ paimon: values.paimon, refresh: values.refresh });
    case 'images':
      return (await import('./images-command.ts')).imagesCommand({
        action: paths[0],
        paimon: values.paimon,
        refresh: values.refresh,
        progress: (m) => err(`[images] ${m}`),
      });
    case 'run':
    case 'conformance': {
      const failOnRun = failOn();
      if (values.images !== undefined && values.images !== 'official' && values.images !== 'local')
        throw new UsageError(`--images takes official or local (got '${values.images}')`);
      if (values.images !== undefined && values.env !== 'docker')
        throw new UsageError(`--images is for --env docker (got --env ${values.env})`);
      if (values.catalog !== 'java' && values.catalog !== 'python')
        throw new UsageError(`--catalog takes java or python (got '${values.catalog}')`);
      if (values.catalog === 'python' && values.env !== 'local')
        throw new UsageError(
          `--catalog python starts pypaimon's catalog server on this machine: it needs --env local (got '${values.env}')`,
        );
      const claimed = list(values.capabilities === undefined ? undefined : [values.capabilities]);
      const unknown = unknownCapabilities(claimed ?? []);
      if (unknown.length)
        throw new UsageError(
          `--capabilities: unknown ${unknown.map((c) => `'${c}'`).join(', ')} (known: ${CATALOG_CAPABILITY_NAMES.join(', ')})`,
        );
      const opts = {
        env: values.env,
        paimon: values.paimon,
        cross: values.cross,
        catalogPaimon: values['catalog-paimon'],
        catalogServer: values.catalog,
        filter,
        update: values.update,
        keep: values.keep,
        jobs: values.jobs === undefined ? undefined : Number(values.jobs),
        repeat: values.repeat === undefined ? undefined : Number(values.repeat),
        reportsDir: values['reports-dir'],
        knownIssuesFile,
        configFile: values.config,
        capabilities: claimed,
        connectors: { spark: values['spark-connector'], flink: values['flink-connector'] },
        images: values.images as 'official' | 'local' | undefined,
        baseline: values.baseline,
        failOn: failOnRun,
      };
      if (command === 'conformance') return (await import('./conformance-command.ts')).conformanceCommand(opts);
      return (await import('./run-command.ts')).runCommand(opts);
    }
    default:
      throw new UsageError(`unknown command '${command}'\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => exitWhenFlushed(code),
  (e: unknown) => {
    if (e instanceof EnvironmentError) {
      printEnvironmentError(e);
      return exitWhenFlushed(2);
    }
    const code = (e as { code?: string }).code;
    if (e instanceof UsageError || code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      err(`paimon-interop: ${(e as Error).message}`);
      return exitWhenFlushed(1);
    }
    err(`paimon-interop: internal error: ${(e as Error).stack ?? String(e)}`);
    exitWhenFlushed(3);
  },
);

/**
 * Exits once stdout and stderr have handed everything to the OS: on a pipe Node writes
 * asynchronously, and an immediate exit cut long outputs (`list` into a pipe on a loaded machine).
 */
function exitWhenFlushed(code: number): void {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}
