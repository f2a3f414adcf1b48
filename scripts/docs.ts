/** `npm run docs`: rewrites the generated parts of README.md and docs/ from the code (scripts/generated-docs.ts). */
import { writeFile } from 'node:fs/promises';
import { generatedDocs } from './generated-docs.ts';

for (const { file, current, generated } of await generatedDocs()) {
  if (generated === current) continue;
  await writeFile(file, generated);
  console.log(`${file}: generated parts rewritten`);
}
