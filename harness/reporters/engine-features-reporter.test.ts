import { describe, expect, it } from 'vitest';
import type { CellScenarioResult, RawResults } from '../verdicts/index.ts';
import { featuresOfStep, renderEngineFeatures } from './engine-features-reporter.ts';

const loc = { file: 'f.yaml', line: 1, col: 1 };
const engine = (name: string, status: 'pass' | 'fail' | 'known' | 'skip', known?: string) => ({
  engine: name,
  status,
  durationMs: 1,
  failures: [],
  known: known ? { id: known, reason: 'r' } : undefined,
});

function scenario(tags: string[], steps: CellScenarioResult['steps']): CellScenarioResult {
  return {
    id: `s-${tags.join('-')}`,
    name: 's',
    file: 'f.yaml',
    loc,
    params: {},
    tags,
    status: 'pass',
    database: 'd',
    durationMs: 1,
    steps,
    cell: 'local/paimon-1.4.2',
  };
}
const step = (fields: Partial<CellScenarioResult['steps'][number]>) => ({
  index: 0,
  name: 'x',
  loc,
  status: 'pass' as const,
  engines: [],
  disagreements: [],
  skippedEngines: [],
  ...fields,
});

describe('engine × feature table', () => {
  it('names a step by its action, system table, scenario area and permission check', () => {
    expect(featuresOfStep({ tags: [] }, { kind: 'read', table: 't$snapshots' })).toEqual(['system table $snapshots']);
    expect(
      featuresOfStep({ tags: ['merge', 'format-table'] }, { kind: 'sql' }, "CALL paimon.sys.merge_into(target_table => 'd.t')"),
    ).toEqual(['MERGE INTO (SQL or procedure)']);
    expect(featuresOfStep({ tags: ['merge', 'format-table'] }, { kind: 'sql' }, "CREATE TABLE t WITH ('type' = 'format-table')")).toEqual([
      'format tables (CSV)',
    ]);
    expect(featuresOfStep({ tags: [] }, { kind: 'sql' }, 'SELECT 1')).toEqual(['raw SQL']);
    expect(featuresOfStep({ tags: ['timestamps'] }, { kind: 'insert', table: 'ts' })).toEqual(['write rows', 'TIMESTAMP(p) stored digits']);
    expect(featuresOfStep({ tags: [] }, { kind: 'insert', principal: 'clerk', expectedError: 'permission-denied' })).toEqual([
      'write rows',
      'permission errors as a principal',
    ]);
    expect(featuresOfStep({ tags: [] }, { kind: 'rest' })).toEqual([]);
  });

  it('counts passes, asserted unsupported, known deviations and failures per engine', () => {
    const raw: RawResults = {
      format: 'paimon-interop/raw-results@2',
      runId: 'r1',
      startedAt: 'a',
      finishedAt: 'b',
      cells: [
        {
          id: 'local/paimon-1.4.2',
          environment: 'local',
          paimon: '1.4.2',
          versions: { 'paimon-rust': '0.4.0' },
          catalog: 'c',
          unavailable: { spark: 'no jar' },
          logs: {},
        },
      ],
      scenarios: [
        scenario(
          ['merge'],
          [
            step({
              kind: 'sql',
              expectedError: 'unsupported',
              engines: [{ ...engine('flink', 'pass'), statement: 'CALL sys.merge_into()' }],
            }),
            step({ kind: 'sql', engines: [{ ...engine('paimon-rust', 'pass'), statement: 'MERGE INTO t' }, engine('spark', 'skip')] }),
          ],
        ),
        scenario(
          [],
          [
            step({
              kind: 'read',
              table: 't',
              engines: [engine('paimon-rust', 'known', 'rust-x'), engine('pypaimon', 'fail'), engine('catalog', 'pass')],
            }),
          ],
        ),
      ],
    };
    const md = renderEngineFeatures(raw);
    expect(md).toContain('| feature | flink | paimon-rust | pypaimon |');
    expect(md).toContain('| read tables | — | ⚠ 1 (`rust-x`) | ✗ 1 |');
    expect(md).toContain('| MERGE INTO (SQL or procedure) | unsupported 1 | ✓ 1 | — |');
    expect(md).toContain('- spark (local/paimon-1.4.2): no jar');
    expect(md).toContain('paimon-rust 0.4.0');
  });
});
