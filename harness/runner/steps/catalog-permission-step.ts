import { CATALOG_ACTOR } from '../../verdicts/index.ts';
import { request } from '../../http-request.ts';
import type { RunContext } from '../run-context.ts';
import { interpolate } from '../../scenario/index.ts';
import { actorAction, withStatus, type StepHandler, type StepKindHandler } from './step-handler.ts';

/**
 * Calls one of the Java reference server's authorization hooks (CatalogLauncher's admin port):
 * `/no-permission/…` makes the database or table forbidden in the catalog itself, `/permission/…`
 * allows it again.
 */
async function catalogPermission(ctx: RunContext, deny: boolean, database: string, table?: string): Promise<void> {
  const admin = ctx.env.features.catalogAdmin!;
  const q = new URLSearchParams(table ? { database, table } : { database });
  const res = await request(`${admin.url}/${deny ? 'no-permission' : 'permission'}/${table ? 'table' : 'database'}?${q}`, {
    method: 'POST',
    headers: { 'x-admin-token': admin.token },
    headersTimeout: 10_000,
    bodyTimeout: 10_000,
  });
  await res.body.dump();
  if (res.statusCode !== 200) throw new Error(`the catalog's admin hook answered HTTP ${res.statusCode}`);
}

/**
 * `catalog-deny` / `catalog-allow`: the catalog itself answers 403 for the scenario's database or
 * one of its tables (not the harness's access-control proxy), so its own error bodies and what
 * each client makes of them are exercised. Needs the Java reference server's hooks.
 */
const catalogPermissionStep: StepHandler = async ({ step, ctx, database, base }) => {
  const deny = step['catalog-deny'] !== undefined;
  const table = (step['catalog-deny'] ?? step['catalog-allow'])!.table;
  const statement = `${deny ? 'deny' : 'allow'} ${table ? `table ${database}.${table}` : `database ${database}`} in the catalog`;
  if (!ctx.env.features.catalogAdmin)
    return {
      ...base,
      status: 'skip',
      skippedEngines: [
        { ...CATALOG_ACTOR, reason: "needs the Java reference server's authorization hooks (local environment, --catalog java)" },
      ],
    };
  base.engines.push(await actorAction(CATALOG_ACTOR, statement, () => catalogPermission(ctx, deny, database, table)));
  return withStatus(base);
};

const NEEDS_HOOKS =
  "makes the catalog itself deny access: needs the Java reference server's authorization hooks (local environment, --catalog java)";

/** Denials in the catalog end with the scenario, so its database can be dropped. */
export const catalogDenyHandler: StepKindHandler = {
  run: catalogPermissionStep,
  unavailable: (ctx) => (ctx.env.features.catalogAdmin ? undefined : NEEDS_HOOKS),
  teardown: async ({ ctx, database, steps, vars }) => {
    for (const denied of steps)
      await catalogPermission(ctx, false, database, interpolate(denied['catalog-deny']!, vars).table).catch(() => undefined);
  },
};

export const catalogAllowHandler: StepKindHandler = { run: catalogPermissionStep };
