import { anyWriterOrder } from '../engines/index.ts';
import { ANY_WRITER, type ScenarioInstance } from '../scenario/index.ts';
import { writerLacks, type RunContext } from './run-context.ts';
import { stepEngines } from './step-request.ts';

/** The engine `on: any-writer` means in this cell: the first engine of the registry's writers (anyWriterOrder) that can write here. */
export function anyWriter(ctx: Pick<RunContext, 'engines' | 'env'>): string | undefined {
  return anyWriterOrder().find((e) => ctx.engines.has(e) && !writerLacks(ctx, e));
}

/**
 * The instance with every `on: any-writer` replaced by this cell's writer (one engine for all of
 * its steps); unchanged when no step says any-writer or no engine can write (the step then names
 * an engine the cell lacks, and the scenario is skipped as stranded).
 */
export function withAnyWriter(instance: ScenarioInstance, ctx: Pick<RunContext, 'engines' | 'env'>): ScenarioInstance {
  if (!instance.steps.some((s) => stepEngines(s).includes(ANY_WRITER))) return instance;
  const writer = anyWriter(ctx);
  if (!writer) return instance;
  return { ...instance, steps: instance.steps.map((s) => (stepEngines(s).includes(ANY_WRITER) ? { ...s, on: writer } : s)) };
}
