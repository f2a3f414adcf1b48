import { describe, expect, it } from 'vitest';
import type { RawResults } from '../harness/verdicts/index.ts';
import { provisionDefault, rawResultsOf, runNode, testRunDir } from './support.ts';

/** Injected faults: each must end as a reported scenario with a non-pass status and exit code 1. */
describe('no verdict is lost', () => {
  it('a scenario test that throws outside the runner or times out is reported as an error, and the run fails', async () => {
    const r = await runNode(['--import', 'tsx', 'test/fixtures/verdicts/run-outside-runner.ts']);
    const { raw, exit } = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { raw: RawResults; exit: number };
    expect(raw.scenarios.map((s) => [s.name, s.status])).toEqual([
      ['crashes-outside-the-runner', 'error'],
      ['never-answers', 'error'],
      ['reports-normally', 'pass'],
    ]);
    expect(raw.scenarios[0]!.reason).toContain('injected harness crash');
    expect(raw.scenarios[1]!.reason).toContain('timed out');
    expect(exit).toBe(1);
  });

  it('scenarios that run at once and finish in any order are reported in file order (--jobs)', async () => {
    const r = await runNode(['--import', 'tsx', 'test/fixtures/verdicts/run-concurrent.ts']);
    const { finished, reported } = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { finished: string[]; reported: string[] };
    expect(finished).toEqual(['third', 'second', 'first']);
    expect(reported).toEqual(['first', 'second', 'third']);
  });

  it('an invalid regular expression stops `run` before anything starts, at its file and line', async () => {
    const r = await runNode(['bin/paimon-interop.mjs', 'run', 'test/fixtures/verdicts/bad-regex.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('test/fixtures/verdicts/bad-regex.yaml:5:');
    expect(r.stderr).toContain('BAD_REGEX');
    expect(r.stderr).not.toContain('[env]');
  });

  it('a request that hangs inside a live engine is a timeout verdict (exit 1), not an environment error', async () => {
    await provisionDefault();
    const dir = await testRunDir('verdict-hang');
    const r = await runNode(
      ['bin/paimon-interop.mjs', 'run', 'test/fixtures/verdicts/hang.yaml', '--engine', 'pypaimon', '--reports-dir', dir],
      { PAIMON_INTEROP_STEP_TIMEOUT_MS: '1' },
    );
    expect(r.code).toBe(1);
    const raw = await rawResultsOf(dir, r.stdout);
    expect(raw.scenarios).toHaveLength(1);
    const s = raw.scenarios[0]!;
    expect(s.status).toBe('fail');
    // The gateway answered its ping: the engine is alive, the request is what hung.
    expect(s.steps[0]!.engines[0]).toMatchObject({
      status: 'fail',
      error: {
        errorClass: 'timeout',
        message: expect.stringMatching(/^no answer to create-table within 0.001s; the engine still answers a ping/),
      },
    });
    expect(s.steps[0]!.engines[0]!.infrastructure).toBeUndefined();
    expect(r.stdout).toContain('interop: 0 passed, 1 failed, 0 skipped');
  });
});
