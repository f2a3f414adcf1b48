import { satisfies, valid } from 'semver';
import type { KnownIssue } from './known-issue.ts';

export interface DeviationSite {
  scenarioName: string;
  instanceId: string;
  params: Record<string, string | number | boolean>;
  stepName: string;
  /** The step's kind (insert, read, ...), for entries scoped by kind. */
  kind?: string;
  /** The error class the step expects, when it expects one. */
  expectedError?: string;
  engine: string;
  /** Paimon version of the matrix cell. */
  paimon?: string;
  /** Paimon version of the writing clients: a cross cell's writer release, else the cell's. */
  writer?: string;
  /** Paimon version of the catalog server (a cell's --catalog-paimon, else its own). */
  catalogPaimon?: string;
  /** The catalog server of the cell: `python` for pypaimon's RESTCatalogServer, else Paimon's Java one. */
  server?: 'java' | 'python';
  /** Component versions of the cell (pypaimon, paimon-java, paimon-rust, ...), as the environment reports them. */
  clients?: Record<string, string>;
}

/** Whether an entry applies to this scenario, step, engine and matrix cell on `today`. */
export function appliesTo(issue: KnownIssue, site: DeviationSite, today: string): boolean {
  if (issue.expires !== undefined && issue.expires < today) return false;
  if (issue.paimon !== undefined && (site.paimon === undefined || !satisfies(site.paimon, issue.paimon))) return false;
  const writer = site.writer ?? site.paimon;
  if (issue.writer !== undefined && (writer === undefined || !satisfies(writer, issue.writer))) return false;
  const catalog = site.catalogPaimon ?? site.paimon;
  if (issue['catalog-paimon'] !== undefined && (catalog === undefined || !satisfies(catalog, issue['catalog-paimon']))) return false;
  if (issue.server !== undefined && issue.server !== (site.server ?? 'java')) return false;
  for (const [client, range] of Object.entries(issue.clients ?? {})) {
    const version = site.clients?.[client];
    if (version === undefined || !valid(version) || !satisfies(version, range!)) return false;
  }
  const scenarios = issue.scenario === undefined ? undefined : ([] as string[]).concat(issue.scenario);
  if (scenarios && !scenarios.includes(site.scenarioName) && !scenarios.includes(site.instanceId)) return false;
  // A hang entry is about steps that should answer: a step expected to fail may take its time
  // (a client that retries a denied commit) and is judged by its own expectation, unless the
  // entry names that very step (a refusal the catalog never sends).
  if (issue.timeout !== undefined && site.expectedError !== undefined && issue.step === undefined) return false;
  if (issue.kind !== undefined && (site.kind === undefined || !([] as string[]).concat(issue.kind).includes(site.kind))) return false;
  if (issue.step !== undefined && !([] as string[]).concat(issue.step).includes(site.stepName)) return false;
  if (!([] as string[]).concat(issue.engine).includes(site.engine)) return false;
  return Object.entries(issue.params ?? {}).every(([k, v]) => ([] as unknown[]).concat(v).map(String).includes(String(site.params[k])));
}

/** The entry that explains a failure here, if any (its signature must match the failure text). */
export function findKnownIssue(
  issues: readonly KnownIssue[],
  site: DeviationSite,
  failureText: string,
  today: string,
): KnownIssue | undefined {
  return issues.find((i) => appliesTo(i, site, today) && (i.signature === undefined || new RegExp(i.signature).test(failureText)));
}

export const today = () => new Date().toISOString().slice(0, 10);

/** The time limit (ms) a hang entry gives a step here, if one applies. */
export function hangTimeoutMs(issues: readonly KnownIssue[], site: DeviationSite, today: string): number | undefined {
  const hang = issues.find((i) => i.timeout !== undefined && appliesTo(i, site, today));
  return hang ? hang.timeout! * 1000 : undefined;
}
