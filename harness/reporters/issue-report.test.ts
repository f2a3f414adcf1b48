import { describe, expect, it } from 'vitest';
import type { KnownIssue } from '../known-issues/index.ts';
import type { CellScenarioResult, RunCell } from '../verdicts/index.ts';
import { issueOwner, issueTitle, renderIssueReport } from './issue-report.ts';

const loc = { file: 'scenarios/x/t.yaml', line: 1, col: 1 };
const cell: RunCell = {
  id: 'local/paimon-1.4.2',
  environment: 'local',
  paimon: '1.4.2',
  versions: { paimon: '1.4.2', pypaimon: '1.4.2', flink: 'Flink 2.0.0 + paimon-flink-2.0 1.4.2' },
  catalog: 'http://127.0.0.1:1/ (bearer ***)',
  unavailable: {},
  logs: {},
};
const entry: KnownIssue = {
  id: 'flink-drops-millis',
  engine: 'flink',
  layer: 'reader',
  scenario: 't',
  reason: 'Reader: Flink reads TIME(3) as TIME(0). The rest is detail.',
  evidence: 'Flink 2.0.0: 12:34:56 for 12:34:56.789',
  upstream: 'none found',
};
const result: CellScenarioResult = {
  id: 'scenarios/x/t.yaml#t[writer=pypaimon]',
  name: 't',
  file: 'scenarios/x/t.yaml',
  loc,
  params: { writer: 'pypaimon' },
  tags: [],
  status: 'known',
  database: 'pi_r_t_1',
  durationMs: 1,
  cell: cell.id,
  steps: [
    {
      index: 0,
      name: 'create',
      loc,
      status: 'pass',
      engines: [{ engine: 'pypaimon', status: 'pass', durationMs: 1, failures: [], statement: 'pypaimon create-table pi_r_t_1.t' }],
      disagreements: [],
      skippedEngines: [],
    },
    {
      index: 1,
      name: 'read',
      loc,
      status: 'known',
      disagreements: [],
      skippedEngines: [],
      wire: [
        { method: 'GET', path: '/v1/p/databases/pi_r_t_1/tables/t', status: 200, ms: 4, client: 'Apache-HttpClient/5.5.1 (Java)' } as never,
      ],
      engines: [
        { engine: 'pypaimon', status: 'pass', durationMs: 1, failures: [], statement: 'pypaimon read pi_r_t_1.t' },
        {
          engine: 'flink',
          status: 'known',
          durationMs: 1,
          statement: 'SELECT `t` FROM `paimon`.`pi_r_t_1`.`t`',
          failures: [{ equal: false, aspect: 'rows', diff: ['- [12:34:56.789]', '+ [12:34:56]'] }],
          known: { id: 'flink-drops-millis', reason: entry.reason, layer: 'reader' },
        },
      ],
    },
  ],
};

describe('a bug report from a known deviation', () => {
  it('goes to the project that owns the layer and the engine', () => {
    expect(issueOwner('catalog', 'pypaimon').component).toMatch(/REST catalog/);
    expect(issueOwner('reader', 'paimon-rust').project).toBe('apache/paimon-rust');
    expect(issueOwner('reader', 'flink')).toMatchObject({ project: 'apache/paimon', tag: 'flink' });
    expect(issueOwner('engine-cast', 'flink').project).toBe('apache/flink');
    expect(issueOwner('engine', 'doris').project).toBe('apache/doris');
    expect(issueOwner('writer', 'paimon-java')).toMatchObject({ project: 'apache/paimon', tag: 'core' });
  });

  it("titles it with the reason's first sentence, without the layer's label", () => {
    expect(issueTitle('Catalog: a branch is empty. More.')).toBe('a branch is empty');
    expect(issueTitle(`Reader: ${'word '.repeat(60)}`).length).toBeLessThanOrEqual(122);
  });

  it('holds the versions, the statements up to the finding, the scenario, expected and actual, and the wire trace', () => {
    const md = renderIssueReport({ entry, result, cell, scenarioSource: 'name: t\nsteps: []\n' });
    expect(md.split('\n')[0]).toBe('# [flink] Flink reads TIME(3) as TIME(0)');
    expect(md).toContain('File with **apache/paimon** (paimon-flink (the Flink connector))');
    expect(md).toContain('- flink: Flink 2.0.0 + paimon-flink-2.0 1.4.2');
    expect(md).not.toContain('127.0.0.1');
    expect(md).toContain('1. create\n   - on pypaimon: `pypaimon create-table pi_r_t_1.t`');
    // A statement with backticks (Flink's quoting) stays one code span; only the deviating engine's is shown at the finding.
    expect(md).toContain('2. read — **here**\n   - on flink: `` SELECT `t` FROM `paimon`.`pi_r_t_1`.`t` ``\n');
    expect(md).toContain('```yaml\nname: t\nsteps: []\n```');
    expect(md).toContain('```diff\nrows: -expected +actual\n- [12:34:56.789]\n+ [12:34:56]\n```');
    expect(md).toContain('GET /v1/p/databases/pi_r_t_1/tables/t -> 200 in 4 ms (Apache-HttpClient/5.5.1)');
    expect(md).toContain('Flink 2.0.0: 12:34:56 for 12:34:56.789');
    // What is known upstream: a search that found nothing, or a report to check before filing.
    expect(md).toContain('issues/new. Searched upstream before: none found\n');
    const reported = renderIssueReport({
      entry: { ...entry, upstream: 'https://github.com/apache/flink/pull/22775' },
      result,
      cell,
      scenarioSource: 'name: t\nsteps: []\n',
    });
    expect(reported).toContain('. Already reported upstream: https://github.com/apache/flink/pull/22775');
  });

  it('a step where the entry did not hold is no finding', () => {
    expect(() => renderIssueReport({ entry: { ...entry, id: 'other' }, result, cell, scenarioSource: '' })).toThrow(/does not hold other/);
  });
});
