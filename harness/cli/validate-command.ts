import { SCENARIO_ENGINES, clientReleaseEngines } from '../engines/index.ts';
import { loadKnownIssues } from '../known-issues/index.ts';
import { expandScenario, loadScenarios } from '../scenario/index.ts';
import { defaultScenarioPaths } from '../package-root.ts';
import { out, printProblems } from './cli-output.ts';

/** `validate [paths]`: load and check scenarios (and the known-issues table) without engines; exit 1 on any problem. */
export async function validateCommand(paths: string[], knownIssuesFile = 'known-issues.yaml'): Promise<number> {
  const loaded = await loadScenarios(paths.length ? paths : defaultScenarioPaths(), SCENARIO_ENGINES);
  const known = await loadKnownIssues(knownIssuesFile, { clientEngines: clientReleaseEngines() });
  const suite = {
    ...loaded,
    problems: [...loaded.problems, ...known.problems],
    files: [...loaded.files, { file: knownIssuesFile, source: known.source, problems: [] }],
  };
  const problems = printProblems(suite);
  if (problems) {
    out(`${problems} problem(s) in ${new Set(suite.problems.map((p) => p.loc.file)).size} file(s)`);
    return 1;
  }
  const instances = suite.scenarios.flatMap(expandScenario).length;
  out(
    `${suite.scenarios.length} scenario(s) in ${loaded.files.length} file(s) are valid (${instances} instance(s) after matrix expansion)`,
  );
  return 0;
}
