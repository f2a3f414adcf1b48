import { rm, symlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { UserConsoleLog } from 'vitest';
import type { Reporter as VitestReporter, TestCase, TestModule } from 'vitest/node';
import type { RunSpec } from '../runner/run-spec.ts';
import type { ScenarioResult } from '../runner/index.ts';
import { describeEndpoint } from '../catalog/index.ts';
import { totals, writeRawResults, type RawResults } from './raw-results.ts';
import type { Reporter } from './reporter.ts';

const MARK = { pass: '✓', known: '≈', fail: '✗', error: '!', skip: '↷' } as const;

/**
 * Bridges vitest to paimon-interop reporters: prints progress per scenario, collects each
 * scenario's result from `task.meta.interop`, writes raw-results.json and calls `onRunEnd`.
 */
export class InteropVitestReporter implements VitestReporter {
  private readonly results: ScenarioResult[] = [];
  private readonly startedAt = new Date();
  raw?: RawResults;
  collectErrors: string[] = [];

  constructor(
    private readonly spec: RunSpec,
    private readonly reporters: Reporter[],
    private readonly print: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  ) {}

  onUserConsoleLog(log: UserConsoleLog): void {
    this.print(log.content.replace(/\n$/, ''));
  }

  async onTestCaseResult(testCase: TestCase): Promise<void> {
    const result = testCase.meta().interop;
    if (!result) return;
    this.results.push(result);
    const secs = (result.durationMs / 1000).toFixed(1);
    const why = result.status === 'skip' ? `  skipped: ${result.reason}` : result.status === 'error' ? `  environment error` : result.status === 'known' ? '  known deviation(s)' : '';
    this.print(`${MARK[result.status]} ${result.id}  ${secs}s${why}`);
    if (result.failure) this.print(result.failure.replace(/^/gm, '    '));
    for (const r of this.reporters) await r.onScenarioEnd?.(result);
  }

  async onTestRunEnd(modules: ReadonlyArray<TestModule>): Promise<void> {
    for (const m of modules) for (const e of m.errors()) this.collectErrors.push(e.message);
    const env = this.spec.env;
    const raw: RawResults = {
      format: 'paimon-interop/raw-results@1',
      runId: this.spec.runId,
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      cell: { environment: env.provider, paimon: env.paimonVersion, versions: env.versions },
      catalog: describeEndpoint(env.catalog),
      unavailable: env.unavailable,
      logs: env.logs,
      scenarios: this.results,
    };
    this.raw = raw;
    await writeRawResults(join(this.spec.runDir, 'raw-results.json'), raw);
    for (const r of this.reporters) await r.onRunEnd?.(raw, this.spec.runDir);
    const latest = join(dirname(this.spec.runDir), 'latest');
    await rm(latest, { force: true, recursive: true });
    await symlink(basename(this.spec.runDir), latest).catch(() => undefined);
    const t = totals(raw);
    this.print('');
    for (const s of raw.scenarios.filter((x) => x.status === 'skip')) this.print(`skipped ${s.id}: ${s.reason}`);
    this.print(`reports: ${this.spec.runDir}`);
    for (const s of raw.scenarios) {
      for (const st of s.steps) for (const e of st.engines.filter((x) => x.known)) this.print(`known deviation ${s.id} step ${st.index + 1} on ${e.engine}: ${e.known!.id}`);
    }
    this.print(`interop: ${t.pass + t.known} passed, ${t.fail + t.error} failed, ${t.skip} skipped`);
  }
}
