import { readRawResults } from './harness/verdicts/index.ts';
import { loadKnownIssues, reapplyKnownIssues } from './harness/known-issues/index.ts';
const k = await loadKnownIssues('known-issues.yaml');
for (const dir of process.argv.slice(2)) {
  const again = reapplyKnownIssues(await readRawResults(dir), k.issues, '2026-11-23');
  const bad = again.scenarios.filter((s) => s.status === 'fail' || s.status === 'error');
  console.log(dir, again.scenarios.length, 'bad', bad.length, bad.map((s) => s.id).slice(0, 5));
}
