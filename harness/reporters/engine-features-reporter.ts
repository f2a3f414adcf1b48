import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { byteOrder } from '../byte-order.ts';
import { isEngineKind, kindFeature, STEP_KINDS } from '../scenario/index.ts';
import { actorType, type StepResult } from '../verdicts/index.ts';
import type { CellScenarioResult, RawResults } from '../verdicts/index.ts';
import type { Reporter } from './reporter.ts';

/** Portable action kinds, as the table names them (in the kind table's order). */
const KIND_FEATURES = STEP_KINDS.flatMap((k) => (kindFeature(k) ? [kindFeature(k)!] : []));
const TAG_FEATURES: [string, string][] = [
  ['timestamps', 'TIMESTAMP(p) stored digits'],
  ['cross-implementation', 'cross-implementation types'],
];
const PERMISSIONS = 'permission errors as a principal';
const SYSTEM_TABLE = 'system table ';

const MERGE = 'MERGE INTO (SQL or procedure)';
const FORMAT_TABLES = 'format tables (CSV)';

/**
 * The features one step exercises on one engine: its action (a SQL step by what its statement
 * does), the areas its scenario is tagged with, and permission checks.
 */
export function featuresOfStep(
  scenario: Pick<CellScenarioResult, 'tags'>,
  step: Pick<StepResult, 'kind' | 'table' | 'principal' | 'expectedError'>,
  statement = '',
): string[] {
  // Steps the harness runs itself (catalog REST calls, grants, file listings) are no engine feature.
  if (!step.kind || !isEngineKind(step.kind)) return [];
  const features: string[] = [];
  const system = step.kind === 'read' && step.table?.includes('$') ? step.table.slice(step.table.indexOf('$')) : undefined;
  if (system) features.push(`${SYSTEM_TABLE}${system}`);
  else if (step.kind === 'sql')
    features.push(/\bmerge[ _]into\b/i.test(statement) ? MERGE : scenario.tags.includes('format-table') ? FORMAT_TABLES : 'raw SQL');
  else if (kindFeature(step.kind)) features.push(kindFeature(step.kind)!);
  for (const [tag, feature] of TAG_FEATURES) if (scenario.tags.includes(tag)) features.push(feature);
  if (step.principal && step.expectedError === 'permission-denied') features.push(PERMISSIONS);
  return features;
}

interface Tally {
  pass: number;
  unsupported: number;
  known: Set<string>;
  knownCount: number;
  fail: number;
}

function cellText(t: Tally | undefined): string {
  if (!t) return '—';
  const parts: string[] = [];
  if (t.pass) parts.push(`✓ ${t.pass}`);
  if (t.unsupported) parts.push(`unsupported ${t.unsupported}`);
  if (t.knownCount)
    parts.push(
      `⚠ ${t.knownCount} (${[...t.known]
        .sort(byteOrder)
        .map((id) => `\`${id}\``)
        .join(', ')})`,
    );
  if (t.fail) parts.push(`✗ ${t.fail}`);
  return parts.join(', ') || '—';
}

/** Row order of the table; system tables sort among themselves after the reads. */
const FEATURE_ORDER = [...KIND_FEATURES, 'raw SQL', MERGE, FORMAT_TABLES, ...TAG_FEATURES.map(([, x]) => x), PERMISSIONS];

function featureOrder(f: string): [number, string] {
  const i = FEATURE_ORDER.indexOf(f);
  return i >= 0 ? [i, f] : [f.startsWith(SYSTEM_TABLE) ? 3 : FEATURE_ORDER.length, f];
}

/**
 * The engine × feature table, counted from a run's results: per cell, how many step runs passed,
 * were an asserted `unsupported`, matched a known deviation or failed. Nothing is written by hand.
 */
export function renderEngineFeatures(raw: RawResults): string {
  const tallies = new Map<string, Map<string, Tally>>();
  const engines = new Set<string>();
  for (const scenario of raw.scenarios) {
    for (const step of scenario.steps) {
      for (const e of step.engines) {
        if (actorType(e) !== 'engine' || e.status === 'skip') continue;
        for (const feature of featuresOfStep(scenario, step, e.statement)) {
          engines.add(e.engine);
          const row = tallies.get(feature) ?? new Map<string, Tally>();
          tallies.set(feature, row);
          const t = row.get(e.engine) ?? { pass: 0, unsupported: 0, known: new Set<string>(), knownCount: 0, fail: 0 };
          row.set(e.engine, t);
          if (e.status === 'pass' && step.expectedError === 'unsupported') t.unsupported++;
          else if (e.status === 'pass') t.pass++;
          else if (e.status === 'known') {
            t.knownCount++;
            t.known.add(e.known?.id ?? 'known');
          } else t.fail++;
        }
      }
    }
  }
  const columns = [...engines].sort(byteOrder);
  const features = [...tallies.keys()].sort((a, b) => {
    const [ia, fa] = featureOrder(a);
    const [ib, fb] = featureOrder(b);
    return ia - ib || byteOrder(fa, fb);
  });
  const versions = raw.cells.map(
    (c) =>
      `- \`${c.id}\`: ${Object.entries(c.versions)
        .sort(([a], [b]) => byteOrder(a, b))
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
  );
  const absent = raw.cells.flatMap((c) =>
    Object.entries(c.unavailable)
      .sort(([a], [b]) => byteOrder(a, b))
      .map(([k, v]) => `- ${k} (${c.id}): ${v}`),
  );
  return [
    '# Engines × features',
    '',
    `Generated from run \`${raw.runId}\` by paimon-interop (\`npm run docs:engines\` after a run); not written by hand.`,
    'Each cell counts step runs of that engine: ✓ passed, `unsupported` = the engine answered',
    '`unsupported` where the scenario asserts it (a capability fact), ⚠ = a known deviation',
    '(its id in [known-issues.yaml](../known-issues.yaml), explained in [known-issues.md](known-issues.md)),',
    '✗ = failed, — = not exercised on that engine.',
    '',
    '## Versions',
    '',
    ...versions,
    ...(absent.length ? ['', 'Not in this run:', '', ...absent] : []),
    '',
    '## Table',
    '',
    `| feature | ${columns.join(' | ')} |`,
    `|---|${columns.map(() => '---').join('|')}|`,
    ...features.map((f) => `| ${f} | ${columns.map((e) => cellText(tallies.get(f)?.get(e))).join(' | ')} |`),
    '',
  ].join('\n');
}

/** Writes engines.md next to the raw results. */
export class EngineFeaturesReporter implements Reporter {
  async onRunEnd(raw: RawResults, runDir: string): Promise<void> {
    await writeFile(join(runDir, 'engines.md'), renderEngineFeatures(raw));
  }
}
