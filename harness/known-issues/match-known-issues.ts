import { satisfies, validRange } from 'semver';
import type { KnownIssue } from './known-issue.ts';

export interface DeviationSite {
  scenarioName: string;
  instanceId: string;
  params: Record<string, string | number | boolean>;
  stepName: string;
  engine: string;
  /** Paimon version of the matrix cell. */
  paimon?: string;
  /** Paimon version of the writing clients: a cross cell's writer release, else the cell's. */
  writer?: string;
}

/** Whether an entry applies to this scenario, step, engine and matrix cell on `today`. */
export function appliesTo(issue: KnownIssue, site: DeviationSite, today: string): boolean {
  if (issue.expires !== undefined && issue.expires < today) return false;
  if (issue.paimon !== undefined && (site.paimon === undefined || !satisfies(site.paimon, issue.paimon))) return false;
  const writer = site.writer ?? site.paimon;
  if (issue.writer !== undefined && (writer === undefined || !satisfies(writer, issue.writer))) return false;
  const scenarios = ([] as string[]).concat(issue.scenario);
  if (!scenarios.includes(site.scenarioName) && !scenarios.includes(site.instanceId)) return false;
  if (issue.step !== undefined && !([] as string[]).concat(issue.step).includes(site.stepName)) return false;
  if (!([] as string[]).concat(issue.engine).includes(site.engine)) return false;
  return Object.entries(issue.params ?? {}).every(([k, v]) => ([] as unknown[]).concat(v).map(String).includes(String(site.params[k])));
}

/** The entry that explains a failure here, if any (its signature must match the failure text). */
export function findKnownIssue(issues: readonly KnownIssue[], site: DeviationSite, failureText: string, today: string): KnownIssue | undefined {
  return issues.find((i) => appliesTo(i, site, today) && (i.signature === undefined || new RegExp(i.signature).test(failureText)));
}

export const today = () => new Date().toISOString().slice(0, 10);
