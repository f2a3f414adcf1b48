// One-off: compare the raw results of several runs (the five-run check) with the harness's own comparison.
import { compareRunResults, readRawResults, renderRunComparison } from './harness/verdicts/index.ts';
import { loadKnownIssues } from './harness/known-issues/index.ts';
const files = process.argv.slice(2);
const raws = await Promise.all(files.map((f) => readRawResults(f)));
const known = await loadKnownIssues('known-issues.yaml');
const c = compareRunResults(raws, new Set(known.issues.filter((k) => k.intermittent).map((k) => k.id)));
console.log(renderRunComparison(c, files.map((_, i) => `run ${i + 1}`)));
