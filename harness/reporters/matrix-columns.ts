import { byteOrder } from '../byte-order.ts';
import { actorType, type CellScenarioResult, type RawResults, type Status, type StepEngineResult } from '../verdicts/index.ts';

export type MatrixStatus = 'pass' | 'known' | 'fail' | 'error' | 'skip' | 'none';

const RANK: MatrixStatus[] = ['none', 'skip', 'pass', 'known', 'fail', 'error'];
const worst = (a: MatrixStatus, b: MatrixStatus): MatrixStatus => (RANK.indexOf(a) >= RANK.indexOf(b) ? a : b);

/** The column an actor's results go to: the harness column gathers every harness actor. */
const columnOf = (entry: Pick<StepEngineResult, 'engine' | 'actor'>) => (actorType(entry) === 'harness' ? 'harness' : entry.engine);

/** What one column did in one scenario run: the worst of its steps; `skip` when it was dropped. */
export function engineStatus(s: CellScenarioResult, column: string): MatrixStatus {
  if (s.status === 'skip') return 'skip';
  let out: MatrixStatus = 'none';
  for (const st of s.steps) {
    for (const e of st.engines) if (columnOf(e) === column) out = worst(out, e.status === 'skip' ? 'skip' : (e.status as Status));
    if (st.skippedEngines.some((x) => columnOf(x) === column)) out = worst(out, 'skip');
    // Disagreements are between engines (`rows a~b`).
    if (st.disagreements.some((d) => d.aspect.split(' ')[1]?.split('~').includes(column))) out = worst(out, 'fail');
  }
  return out;
}

/** A cell's columns: `catalog` first where REST steps ran, the engines by name, then `harness` where its checks ran. */
export function columnsOf(raw: RawResults, cell: string): string[] {
  const byType = { engine: new Set<string>(), catalog: new Set<string>(), harness: new Set<string>() };
  for (const s of raw.scenarios.filter((x) => x.cell === cell)) {
    for (const st of s.steps) for (const e of [...st.engines, ...st.skippedEngines]) byType[actorType(e)].add(e.engine);
  }
  return [...byType.catalog].sort(byteOrder).concat([...byType.engine].sort(byteOrder), byType.harness.size ? ['harness'] : []);
}

/** The area of a scenario: the folder its file is in (`scenarios/writes/x.yaml` -> `writes`). */
export function areaOf(s: Pick<CellScenarioResult, 'file'>): string {
  const parts = s.file.split('/');
  return parts.length > 1 ? parts[parts.length - 2]! : '(top level)';
}
