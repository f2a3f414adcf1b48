import type { UserConsoleLog } from 'vitest';
import type { Reporter as VitestReporter, TestCase, TestModule } from 'vitest/node';
import type { RunSpec } from '../runner/index.ts';
import { describeEndpoint } from '../catalog/index.ts';
import type { ScenarioResult } from '../verdicts/index.ts';
import type { RawResults, RunCell } from '../verdicts/index.ts';

const MARK = { pass: '✓', known: '≈', fail: '✗', error: '!', skip: '↷' } as const;

/** The matrix cell a run spec covers. */
export function cellOf(spec: RunSpec): RunCell {
  const env = spec.env;
  const writer = spec.writerVersion && spec.writerVersion !== env.paimonVersion ? spec.writerVersion : undefined;
  const catalog = env.catalogRelease && env.catalogRelease !== env.paimonVersion ? env.catalogRelease : undefined;
  // Axes in the id: writer clients > reader clients, @ the catalog server's release when it differs.
  return {
    id: `${env.provider}/paimon-${writer ? `${writer}>` : ''}${env.paimonVersion}${catalog ? `@catalog-${catalog}` : ''}${env.catalogServer === 'python' ? '@python-catalog' : ''}`,
    environment: env.provider,
    paimon: env.paimonVersion,
    writer,
    catalogPaimon: catalog,
    catalogServer: env.catalogServer,
    versions: env.versions,
    catalog: describeEndpoint(env.catalog),
    ...(env.catalogCapabilities?.claim ? { catalogClaim: env.catalogCapabilities.claim } : {}),
    unavailable: env.unavailable,
    logs: env.logs,
  };
}

/**
 * The result of a scenario test that carries none (vitest timed it out, or something outside the
 * runner threw): an `error` naming what vitest saw, or a `skip` where vitest itself skipped it.
 */
function resultWithout(testCase: TestCase, why?: string): ScenarioResult {
  const id = testCase.name;
  const [, file = '', name = id] = /^(.*?)#([^[]*)/.exec(id) ?? [];
  const state = testCase.result().state;
  const errors = (testCase.result().errors ?? []).map((e) => e.message).join('; ');
  const base = {
    id,
    name,
    file,
    loc: { file, line: 1, col: 1 },
    params: {},
    tags: [],
    database: '',
    durationMs: Math.round(testCase.diagnostic()?.duration ?? 0),
    steps: [],
  };
  if (state === 'skipped' && !why) return { ...base, status: 'skip', reason: 'skipped by the test runner (filtered out)' };
  const reason = why ?? `the scenario test ended (${state}) without a result: ${errors || 'no error was reported'}`;
  return { ...base, status: 'error', reason, failure: `scenario '${name}': ${reason}` };
}

/**
 * Bridges vitest to paimon-interop: prints progress per step and scenario, collects each
 * scenario's result from `task.meta.interop` into the raw results of this cell (every report is
 * rendered from those at the end of the run).
 */
export class InteropVitestReporter implements VitestReporter {
  private readonly startedAt = new Date();
  readonly cell: RunCell;
  raw?: RawResults;
  collectErrors: string[] = [];
  /** Results by test id, in the order they ended; the raw results follow the file order. */
  private readonly results = new Map<string, RawResults['scenarios'][number]>();
  private total = 0;

  constructor(
    private readonly spec: RunSpec,
    private readonly print: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  ) {
    this.cell = cellOf(spec);
  }

  onTestModuleCollected(module: TestModule): void {
    this.total += [...module.children.allTests()].length;
  }

  onUserConsoleLog(log: UserConsoleLog): void {
    this.print(log.content.replace(/\n$/, ''));
  }

  async onTestCaseResult(testCase: TestCase): Promise<void> {
    // A test that ended without a result (a timeout, a crash outside the runner) still counts.
    const result = testCase.meta().interop ?? resultWithout(testCase);
    this.results.set(testCase.id, { ...result, cell: this.cell.id });
    const secs = (result.durationMs / 1000).toFixed(1);
    const why =
      result.status === 'skip'
        ? `  skipped: ${result.reason}`
        : result.status === 'error'
          ? `  environment error`
          : result.status === 'known'
            ? '  known deviation(s)'
            : '';
    const progress = this.total ? `${this.results.size}/${this.total} ` : '';
    this.print(`${MARK[result.status]} ${progress}[${this.cell.id}] ${result.id}  ${secs}s${why}`);
    if (result.failure) this.print(result.failure.replace(/^/gm, '    '));
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    for (const m of modules) for (const e of m.errors()) this.collectErrors.push(withOrigin(e));
    // Every selected instance ends in the results, whatever stopped the run before it, in the
    // order of the suite (not of completion), so reports are the same whatever --jobs is.
    const ordered: RawResults['scenarios'] = [];
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        ordered.push(
          this.results.get(t.id) ?? { ...resultWithout(t, 'the run ended before this scenario reported a result'), cell: this.cell.id },
        );
      }
    }
    this.raw = {
      format: 'paimon-interop/raw-results@2',
      runId: this.spec.runId,
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      cells: [this.cell],
      scenarios: ordered,
    };
  }
}

/**
 * A suite-level error's message, with the first frame of the harness's own code that threw it,
 * so an unexpected TypeError says where it came from in one line.
 */
export function withOrigin(e: { message: string; stack?: string }): string {
  const frame = e.stack
    ?.split('\n')
    .find((l) => /^\s*at .*\/harness\//.test(l))
    ?.trim();
  return frame
    ? `${e.message} (${frame
        .replace(/^at /, '')
        .replace(/^.*?\(|\)$/g, '')
        .replace(/^.*?\/harness\//, 'harness/')})`
    : e.message;
}
