import { KNOWN_ENGINES } from '../engines/index.ts';
import { loadScenarios } from '../scenario/index.ts';
import { expandScenario } from '../scenario/index.ts';
import { out, printProblems } from './cli-output.ts';

/** `validate [paths]`: load and check scenarios without engines; exit 1 on any problem. */
export async function validateCommand(paths: string[]): Promise<number> {
  const suite = await loadScenarios(paths.length ? paths : ['scenarios'], { knownEngines: KNOWN_ENGINES });
  const problems = printProblems(suite);
  if (problems) {
    out(`${problems} problem(s) in ${new Set(suite.problems.map((p) => p.loc.file)).size} file(s)`);
    return 1;
  }
  const instances = suite.scenarios.flatMap(expandScenario).length;
  out(`${suite.scenarios.length} scenario(s) in ${suite.files.length} file(s) are valid (${instances} instance(s) after matrix expansion)`);
  return 0;
}
