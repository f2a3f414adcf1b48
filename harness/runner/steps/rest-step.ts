import { CATALOG_ACTOR } from '../../verdicts/index.ts';
import type { CatalogClient } from '../../catalog/index.ts';
import { checkResponse } from '../../conformance/index.ts';
import { hangTimeoutMs, today } from '../../known-issues/index.ts';
import type { Comparison } from '../../values/index.ts';
import type { RestCallDoc } from '../../scenario/index.ts';
import { evaluateRest, fail } from '../evaluate-step.ts';
import { withStatus, type StepHandler } from './step-handler.ts';

/** Walks no further than this many pages: a catalog that never ends a listing fails the step. */
const MAX_PAGES = 100;

/** Answers that depart from the specification's response schema, as failures. */
function schemaFailures(method: string, path: string, status: number, body: unknown): Comparison[] {
  const check = checkResponse(method, path, status, body);
  return check.problems.length
    ? [{ equal: false, aspect: `schema ${check.schema} (${check.operation!.id})`, diff: check.problems.map((p) => `! ${p}`) }]
    : [];
}

/**
 * A paged listing walked to its end: the last page's body with `items` holding every page's items
 * and `pages` their count; every page checked against the schema, its size and for repeats.
 */
async function walkPages(
  client: CatalogClient,
  method: string,
  path: string,
  paginate: NonNullable<RestCallDoc['paginate']>,
): Promise<{ status: number; body: unknown; failures: Comparison[]; statement: string }> {
  const max = paginate['max-results'];
  const items: unknown[] = [];
  const failures: Comparison[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  let pages = 0;
  let last: { status: number; body: unknown } = { status: 0, body: null };
  do {
    const sep = path.includes('?') ? '&' : '?';
    const pagePath = `${path}${sep}maxResults=${max}${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`;
    last = await client.raw(method, pagePath, undefined);
    pages++;
    failures.push(...schemaFailures(method, pagePath, last.status, last.body));
    if (last.status !== 200) break;
    const page = ((last.body as Record<string, unknown>)[paginate.items] ?? []) as unknown[];
    if (!Array.isArray(page)) {
      failures.push(fail(`page ${pages}`, `an array at ${paginate.items}`, JSON.stringify(page)));
      break;
    }
    if (page.length > max) failures.push(fail(`page ${pages}`, `at most ${max} item(s) (maxResults=${max})`, `${page.length} item(s)`));
    for (const item of page) {
      const key = JSON.stringify(item);
      if (seen.has(key)) failures.push(fail(`page ${pages}`, 'items not seen on an earlier page', `${key} again`));
      seen.add(key);
    }
    items.push(...page);
    token = ((last.body as Record<string, unknown>).nextPageToken as string | null | undefined) ?? undefined;
  } while (token && pages < MAX_PAGES);
  if (token) failures.push(fail('pages', `a last page within ${MAX_PAGES}`, `still a nextPageToken after ${MAX_PAGES} pages`));
  if (pages === 1 && items.length > max) failures.push(fail('pages', `more than one page for ${items.length} items`, 'one page'));
  const body = last.status === 200 ? { ...(last.body as object), [paginate.items]: items, pages } : last.body;
  return {
    status: last.status,
    body,
    failures,
    statement: `${method} ${path} (maxResults=${max}, ${pages} page(s), ${items.length} item(s))`,
  };
}

/** Whether the catalog still answers a config request within a few seconds. */
async function answersConfig(catalog: CatalogClient): Promise<boolean> {
  return Promise.race([
    catalog.config().then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((r) => setTimeout(() => r(false), 5_000).unref()),
  ]);
}

/**
 * `rest`: one request to the catalog's REST API (as the step's principal, or with no or a wrong
 * credential), or a paged listing walked to its end; status and body checked, and every answer
 * against the specification's schema.
 */
export const restStep: StepHandler = async ({ step, ctx, principal, base, vars, site }) => {
  const rest = step.rest!;
  const t = performance.now();
  if (!ctx.catalog) return { ...base, status: 'skip', skippedEngines: [{ ...CATALOG_ACTOR, reason: 'no catalog endpoint' }] };
  try {
    const path = await ctx.catalog.resource(rest.path);
    const as = principal ? ctx.catalog.as(principal) : ctx.catalog;
    const client = rest.credential ? as.withCredential(rest.credential) : as;
    let failures: Comparison[];
    let statement = `${rest.method} ${path}${rest.credential ? ` (${rest.credential === 'none' ? 'no' : 'a wrong'} credential)` : ''}`;
    if (rest.paginate) {
      const walked = await walkPages(client, rest.method, path, rest.paginate);
      statement = walked.statement;
      failures = [...walked.failures, ...evaluateRest(step.expect, walked.status, walked.body)];
    } else {
      // A request a known deviation says never gets an answer waits that long only (known-issues.yaml `timeout`).
      const hang = ctx.knownIssues?.length
        ? hangTimeoutMs(
            ctx.knownIssues,
            { ...site, stepName: base.name, kind: base.kind, expectedError: base.expectedError, ...CATALOG_ACTOR },
            ctx.today ?? today(),
          )
        : undefined;
      const reply = await client.raw(rest.method, path, rest.body, hang);
      failures = [...schemaFailures(rest.method, path, reply.status, reply.body), ...evaluateRest(step.expect, reply.status, reply.body)];
      for (const [variable, at] of Object.entries(rest.capture ?? {})) {
        const value = at
          .split('.')
          .reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), reply.body);
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') vars[variable] = value;
        else failures.push(fail(`capture \${${variable}}`, `a string, number or boolean at ${at}`, JSON.stringify(value) ?? 'nothing'));
      }
    }
    base.engines.push({
      ...CATALOG_ACTOR,
      status: failures.length ? 'fail' : 'pass',
      statement,
      durationMs: Math.round(performance.now() - t),
      failures,
    });
  } catch (err) {
    const durationMs = Math.round(performance.now() - t);
    // A request left unanswered by a catalog that still answers others is the catalog's verdict
    // (a hang, as for engines: docs/reports.md); an unreachable catalog is the environment's.
    if (await answersConfig(ctx.catalog)) {
      const message = `none: ${(err as Error).message} (the catalog answers other requests)`;
      // A typed error, so a known hang stops the scenario as an engine's does (later steps would judge its aftermath).
      base.engines.push({
        ...CATALOG_ACTOR,
        status: 'fail',
        statement: `${rest.method} ${rest.path}`,
        durationMs,
        error: { errorClass: 'timeout', message },
        failures: [fail('answer', 'an HTTP answer', message)],
      });
    } else {
      base.engines.push({ ...CATALOG_ACTOR, status: 'error', durationMs, failures: [], reason: (err as Error).message });
    }
  }
  return withStatus(base);
};
