import { byteOrder } from '../byte-order.ts';
import type { CellScenarioResult, RawResults, Status } from '../verdicts/index.ts';

export type MatrixStatus = 'pass' | 'known' | 'fail' | 'error' | 'skip' | 'none';

const RANK: MatrixStatus[] = ['none', 'skip', 'pass', 'known', 'fail', 'error'];
export const worst = (a: MatrixStatus, b: MatrixStatus): MatrixStatus => (RANK.indexOf(a) >= RANK.indexOf(b) ? a : b);

/** Who ran a step besides the engines: the harness's own checks (files on disk, the wire proxy, the access-control layer). */
export const HARNESS_ACTORS: readonly string[] = ['access-control', 'files', 'harness', 'wire-proxy'];

/** A matrix column of a cell: the catalog (REST steps), one engine, or the harness's own checks. */
export interface MatrixColumn {
  cell: string;
  /** `catalog`, an engine's name, or `harness`. */
  column: string;
}

/** The actors a column stands for: the harness column gathers every harness actor. */
const actorsOf = (column: string) => (column === 'harness' ? HARNESS_ACTORS : [column]);

/** What one column did in one scenario run: the worst of its steps; `skip` when it was dropped. */
export function engineStatus(s: CellScenarioResult, column: string): MatrixStatus {
  if (s.status === 'skip') return 'skip';
  const actors = actorsOf(column);
  let out: MatrixStatus = 'none';
  for (const st of s.steps) {
    for (const e of st.engines) if (actors.includes(e.engine)) out = worst(out, e.status === 'skip' ? 'skip' : (e.status as Status));
    if (st.skippedEngines.some((x) => actors.includes(x.engine))) out = worst(out, 'skip');
    if (st.disagreements.some((d) => d.aspect.split(' ')[1]?.split('~').some((e) => actors.includes(e)))) out = worst(out, 'fail');
  }
  return out;
}

/** A cell's columns: `catalog` first where REST steps ran, the engines by name, then `harness` where its checks ran. */
export function columnsOf(raw: RawResults, cell: string): string[] {
  const actors = new Set<string>();
  for (const s of raw.scenarios.filter((x) => x.cell === cell)) {
    for (const st of s.steps) {
      for (const e of st.engines) actors.add(e.engine);
      for (const e of st.skippedEngines) actors.add(e.engine);
    }
  }
  const engines = [...actors].filter((a) => a !== 'catalog' && !HARNESS_ACTORS.includes(a)).sort(byteOrder);
  return [...(actors.has('catalog') ? ['catalog'] : []), ...engines, ...([...actors].some((a) => HARNESS_ACTORS.includes(a)) ? ['harness'] : [])];
}

/** The area of a scenario: the folder its file is in (`scenarios/writes/x.yaml` -> `writes`). */
export function areaOf(s: Pick<CellScenarioResult, 'file'>): string {
  const parts = s.file.split('/');
  return parts.length > 1 ? parts[parts.length - 2]! : '(top level)';
}
