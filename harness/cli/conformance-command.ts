import { conformancePassed, conformanceReport } from '../reporters/index.ts';
import { out } from './cli-output.ts';
import { executeRun, type RunOptions } from './run-command.ts';

/** The scenarios a conformance run selects (besides any --tag the user adds). */
export const CONFORMANCE_TAG = 'conformance';

/**
 * `conformance`: the scenarios tagged `conformance` against one catalog, then its report
 * (conformance.md, .html, .json in the run folder): every capability's verdict and every
 * operation's coverage. Exit 0 when every claimed capability passed or is explained by known
 * deviations, 1 otherwise, 2 when the environment could not start.
 */
export async function conformanceCommand(opts: RunOptions): Promise<number> {
  const run = await executeRun({ ...opts, filter: { ...opts.filter, tags: [...(opts.filter.tags ?? []), CONFORMANCE_TAG] } });
  if (!run.raw || !run.runDir) return run.exit;
  const report = conformanceReport(run.raw);
  out('');
  for (const cell of report.cells) {
    const covered = cell.endpoints.filter((e) => e.covered).length;
    out(`${cell.cell}: ${covered}/${cell.endpoints.length} operations of the Paimon ${cell.paimon} specification covered`);
    for (const r of cell.capabilities)
      out(
        `  ${r.capability.padEnd(15)} ${r.verdict}${r.verdict === 'known' ? ` (${[...new Set(r.scenarios.flatMap((s) => s.known))].join(', ')})` : ''}`,
      );
  }
  const passed = conformancePassed(report);
  out(
    `conformance: ${passed ? 'every claimed capability passed or is a known deviation' : 'NOT conformant: a claimed capability failed or was not exercised'} — ${run.runDir}/conformance.md (.html, .json)`,
  );
  if (run.exit === 2) return 2;
  return passed ? 0 : 1;
}
