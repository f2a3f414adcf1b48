import { mkdtemp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineOutcome } from '../harness/engines/index.ts';
import { LocalEngines } from './support.ts';

/**
 * `catalog: filesystem` reaches each engine: a table created through the REST catalog is read
 * through a filesystem catalog on the reference catalog's warehouse, and the same read on an
 * empty warehouse is `not-found`, so an engine that ignored the warehouse (and kept reading
 * through REST) would fail here.
 */
describe('engines open the warehouse through a filesystem catalog', () => {
  const engines = ['pypaimon', 'paimon-java', 'paimon-rust', 'flink'];
  const local = new LocalEngines('filesystem-catalog', engines, `pi_e2e_fs_${Date.now().toString(36)}`);
  let empty: string;
  beforeAll(async () => {
    await local.start();
    empty = await mkdtemp(join(resolve('reports'), 'e2e-empty-warehouse-'));
    const made = await local.run('pypaimon', {
      kind: 'create-table',
      table: 't',
      columns: [
        ['id', 'INT'],
        ['v', 'STRING'],
      ],
    });
    expect(made.ok).toBe(true);
    expect(
      (
        await local.run('paimon-java', {
          kind: 'insert',
          table: 't',
          rows: [
            [1, 'a'],
            [2, 'b'],
          ],
        })
      ).ok,
    ).toBe(true);
  }, 600_000);
  afterAll(() => local.stop());

  const read = (engine: string, warehouse: string): Promise<EngineOutcome> =>
    local.engines
      .get(engine)!
      .execute({ kind: 'read', table: 't', orderBy: ['id'] }, { database: local.db, filesystemWarehouse: warehouse });

  it.each(engines)('%s reads the rows through the filesystem catalog, and nothing from an empty warehouse', async (engine) => {
    const seen = await read(engine, local.env.features.files!.warehouseRoot);
    expect(seen.ok && seen.result.rows.map((r) => r.map(String))).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
    const none = await read(engine, empty);
    expect(none.ok ? 'success' : none.error.errorClass).toBe('not-found');
  });
});
