import { beforeAll, describe, expect, it } from 'vitest';
import type { RawResults } from '../harness/verdicts/index.ts';
import { rawResultsOf, runNode, testRunDir } from './support.ts';

async function interop(paths: string[], engines: string, extra: string[] = []): Promise<{ code: number; raw: RawResults }> {
  const dir = await testRunDir('faults');
  const r = await runNode(['bin/paimon-interop.mjs', 'run', ...paths, '--engine', engines, '--reports-dir', dir, ...extra]);
  return { code: r.code, raw: await rawResultsOf(dir, r.stdout) };
}

/**
 * Faults injected by the wire proxy on the commit route reach every local library engine: the
 * trace of each write shows the injected fault and what the client did next, and a fault that
 * no request met fails its scenario instead of passing vacuously.
 */
describe('fault injection through the wire proxy', () => {
  let faults: RawResults;
  let code: number;

  beforeAll(async () => {
    // Every fault kind: the default tier runs one of them (the scenario's default-matrix).
    ({ raw: faults, code } = await interop(['scenarios/faults/commit-faults.yaml'], 'pypaimon,paimon-java,paimon-rust', [
      '--tier',
      'nightly',
    ]));
  }, 600_000);

  it('every client gets through one transient commit fault, and the rows are there exactly once', () => {
    expect(code).toBe(0);
    const ran = faults.scenarios.filter((s) => s.params.writer !== 'flink');
    expect(ran).toHaveLength(15);
    for (const s of ran) {
      expect(s.steps.find((st) => st.name === 'every engine reads the rows exactly once')?.status, s.id).toBe('pass');
      // Only a client that retried a throttled commit sooner than Retry-After is a (recorded) deviation.
      const hasty = s.params.fault === 'throttled' && s.params.writer !== 'paimon-java';
      expect(s.status, s.id).toBe(hasty ? 'known' : 'pass');
    }
  });

  it('a throttled client must wait as Retry-After asks: Java does, pypaimon and paimon-rust do not', () => {
    for (const s of faults.scenarios.filter((x) => x.params.fault === 'throttled' && x.params.writer !== 'flink')) {
      const met = s.steps.find((st) => st.name === 'every injected fault was met as asked')!;
      const [proxy] = met.engines;
      if (s.params.writer === 'paimon-java') expect(proxy!.status, s.id).toBe('pass');
      else {
        expect(proxy!.known?.id, s.id).toBe(
          s.params.writer === 'pypaimon' ? 'pypaimon-commit-ignores-retry-after' : 'rust-commit-ignores-retry-after',
        );
        expect(proxy!.failures[0]!.diff[1], s.id).toMatch(/^\+ retried after \d+ ms$/);
      }
    }
  });

  it('the write step shows the injected fault, then a commit the catalog accepted (or, for a lost answer, the applied one)', () => {
    for (const s of faults.scenarios.filter((x) => x.params.writer !== 'flink')) {
      const write = s.steps.find((st) => st.name.endsWith('writes through the fault'))!;
      const commits = (write.wire ?? []).filter((w) => w.method === 'POST' && w.path.endsWith('/tables/ledger/commit'));
      expect(commits[0]?.fault, s.id).toBe(s.params.fault);
      // Faults answered by the proxy never reach the catalog: a second commit must follow.
      if (['unavailable', 'throttled', 'reset'].includes(String(s.params.fault))) expect(commits.at(-1)?.status, s.id).toBe(200);
      if (s.params.fault === 'lost-answer') expect(commits, s.id).toHaveLength(1);
    }
  });

  it('a fault that no request met fails its scenario', async () => {
    const { code: c, raw } = await interop(['test/fixtures/faults'], 'pypaimon,paimon-java');
    expect(c).toBe(1);
    expect(raw.scenarios[0]!.status).toBe('fail');
    expect(raw.scenarios[0]!.failure).toMatch(/never met \(1 turn\(s\) left\)/);
  });
});
