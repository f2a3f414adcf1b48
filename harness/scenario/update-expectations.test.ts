import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioSource } from './load-scenario-file.ts';
import { updateExpectedRows } from './update-expectations.ts';

describe('updateExpectedRows', () => {
  it('rewrites the rows of one step and keeps comments and other steps', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pi-upd-'));
    const file = join(dir, 's.yaml');
    await writeFile(
      file,
      [
        '# keep me',
        'name: upd',
        'steps:',
        '  - on: spark',
        '    sql: SELECT 1',
        '    expect:',
        '      rows: [[0]] # stale',
        '  - on: spark',
        '    sql: SELECT 2',
      ].join('\n'),
    );
    await updateExpectedRows(file, [
      {
        stepIndex: 0,
        rows: [
          [1, 'a', null],
          [2, 'b', true],
        ],
      },
    ]);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('# keep me');
    expect(text).toContain('- [ 1, a, null ]');
    const loaded = loadScenarioSource(file, text, { knownEngines: ['spark'] });
    expect(loaded.problems).toEqual([]);
    expect(loaded.scenario!.steps[0]!.expect!.rows).toEqual([
      [1, 'a', null],
      [2, 'b', true],
    ]);
    expect(loaded.scenario!.steps[1]!.sql).toBe('SELECT 2');
  });
});
