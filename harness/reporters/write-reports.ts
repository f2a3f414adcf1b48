import { rm, symlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BaselineDiff } from './baseline-diff.ts';
import { ConformanceReporter } from './conformance-reporter.ts';
import { EngineFeaturesReporter } from './engine-features-reporter.ts';
import { HtmlMatrixReporter } from './html-matrix-reporter.ts';
import { JUnitReporter } from './junit-reporter.ts';
import { writeRawResults, type RawResults } from '../verdicts/index.ts';
import type { Reporter } from './reporter.ts';
import { SummaryReporter } from './summary-reporter.ts';

const DEFAULT_REPORTERS = (): Reporter[] => [
  new SummaryReporter(),
  new JUnitReporter(),
  new HtmlMatrixReporter(),
  new EngineFeaturesReporter(),
  new ConformanceReporter(),
];

/** Writes raw-results.json, renders every report from it, and points reports/latest at the run. */
export async function writeReports(
  raw: RawResults,
  runDir: string,
  opts: { baseline?: BaselineDiff; reporters?: Reporter[]; linkLatest?: boolean } = {},
): Promise<void> {
  await writeRawResults(join(runDir, 'raw-results.json'), raw);
  for (const r of opts.reporters ?? DEFAULT_REPORTERS()) await r.onRunEnd?.(raw, runDir, opts.baseline);
  if (opts.linkLatest !== false) {
    const latest = join(dirname(runDir), 'latest');
    await rm(latest, { force: true, recursive: true });
    await symlink(basename(runDir), latest).catch(() => undefined);
  }
}
