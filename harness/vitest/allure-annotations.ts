import * as allure from 'allure-js-commons';
import { logTail } from '../log-tail.ts';
import type { ScenarioResult } from '../verdicts/index.ts';

/**
 * Describes a scenario result to allure-vitest from inside its test: labels (engine, feature,
 * seed workflow, matrix cell), parameters (Paimon version, matrix values), one allure step per
 * scenario step with its status, and attachments (statements, diffs, engine log tails, a failing step's wire trace).
 */
export async function annotateAllure(
  result: ScenarioResult,
  cell: { id: string; paimon: string; environment: string },
  logs: Record<string, string>,
): Promise<void> {
  await allure.label('suite', cell.id);
  await allure.parameter('paimon', cell.paimon);
  await allure.parameter('environment', cell.environment);
  for (const [k, v] of Object.entries(result.params)) await allure.parameter(k, String(v));
  for (const tag of result.tags) await (tag === 'dlf-seed' ? allure.epic('DLF workflows') : allure.feature(tag));
  const engines = [...new Set(result.steps.flatMap((s) => s.engines.map((e) => e.engine)))].sort();
  for (const e of engines) await allure.label('engine', e);
  for (const step of result.steps) {
    for (const e of step.engines) {
      const title = `${step.index + 1}. ${step.name} — ${e.engine}${e.known ? ` (known deviation ${e.known.id})` : ''}`;
      await allure.step(title, async (ctx) => {
        await ctx.parameter('duration', `${e.durationMs} ms`);
        if (e.statement) await allure.attachment('statement', e.statement, 'text/plain');
        const diff = e.failures.map((f) => `${f.aspect}: -expected +actual\n${f.diff.join('\n')}`).join('\n\n');
        if (diff) await allure.attachment('diff', diff, 'text/plain');
        if (e.status === 'fail' || e.status === 'error') {
          // The process that ran the step (a writer gateway in cross cells), else the engine's log.
          const tail = await logTail(e.log ?? logs[e.engine], 40);
          if (tail) await allure.attachment(`${e.engine} log tail`, tail, 'text/plain');
        }
        if (e.evidence) {
          await allure.attachment('hang evidence digest', e.evidence.digest.join('\n'), 'text/plain');
          for (const f of e.evidence.files)
            await allure.attachmentPath(`${f.what}: ${f.component}`, f.path, {
              contentType: f.what === 'flink jobs' ? 'application/json' : 'text/plain',
            });
        }
      });
    }
    // The failing step's requests to the catalog, bodies included (cut and redacted by the wire proxy).
    if (step.wire?.length)
      await allure.attachment(`${step.index + 1}. ${step.name} — wire trace`, JSON.stringify(step.wire, null, 2), 'application/json');
    for (const s of step.skippedEngines)
      await allure.logStep(`${step.index + 1}. ${step.name} — ${s.engine} skipped: ${s.reason}`, 'skipped' as never);
  }
  if (result.failure) await allure.attachment('failure', result.failure, 'text/plain');
}
