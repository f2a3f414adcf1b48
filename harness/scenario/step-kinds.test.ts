import { describe, expect, it } from 'vitest';
import { StepSchema } from './scenario-schema.ts';
import { isEngineKind, isReadKind, isWriteKind, kindNeeds, STEP_KINDS, WRITE_KINDS } from './step-kinds.ts';

describe('the step kind table', () => {
  it('every kind is a key of a step, and a step of an engine kind needs `on`', () => {
    const keys = Object.keys(StepSchema.shape);
    expect(STEP_KINDS.filter((k) => !keys.includes(k))).toEqual([]);
    const needsOn = StepSchema.safeParse({ 'list-tables': {} }).error?.issues.map((i) => i.message);
    expect(needsOn).toEqual(["a list-tables step needs 'on' (the engine or engines it runs on)"]);
    expect(StepSchema.safeParse({ 'mark-time': { variable: 't' } }).success).toBe(true);
    expect(STEP_KINDS.filter(isEngineKind)).toEqual([
      'sql',
      'create-database',
      'create-table',
      'insert',
      'read',
      'read-incremental',
      'list-snapshots',
      'list-tables',
      'alter-table',
      'drop-table',
    ]);
  });

  it('writes and reads are engine kinds, and writes are what cross-version cells run on the writer release', () => {
    expect(WRITE_KINDS).toEqual(['create-database', 'create-table', 'insert', 'alter-table', 'drop-table']);
    expect(STEP_KINDS.filter(isReadKind)).toEqual(['read', 'read-incremental', 'list-snapshots', 'list-tables']);
    for (const k of STEP_KINDS.filter((k) => isWriteKind(k) || isReadKind(k) || kindNeeds(k)))
      expect([k, isEngineKind(k)]).toEqual([k, true]);
  });
});
