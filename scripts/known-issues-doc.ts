/** `npm run docs:known-issues`: rewrites docs/known-issues.md's list of findings without an upstream report from known-issues.yaml. */
import { readFile, writeFile } from 'node:fs/promises';
import { loadKnownIssues, withFindingsList } from '../harness/known-issues/index.ts';

const DOC = 'docs/known-issues.md';
const known = await loadKnownIssues('known-issues.yaml');
if (known.problems.length) throw new Error(`known-issues.yaml has problems: ${known.problems.map((p) => p.message).join('; ')}`);
await writeFile(DOC, withFindingsList(await readFile(DOC, 'utf8'), known.issues));
console.log(`${DOC}: list of findings without an upstream report rewritten`);
