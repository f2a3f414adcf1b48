import { readFile, writeFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import type { ExpectedCell } from './scenario-schema.ts';

/**
 * Rewrites `steps[i].expect.rows` in a scenario file from actual results (like sqllogictest
 * --override), keeping comments and the rest of the file as written.
 */
export async function updateExpectedRows(file: string, updates: { stepIndex: number; rows: ExpectedCell[][] }[]): Promise<void> {
  if (!updates.length) return;
  const doc = parseDocument(await readFile(file, 'utf8'));
  for (const u of updates) {
    const rows = doc.createNode(u.rows, { flow: false });
    // Each row on one line reads best in review.
    for (const row of (rows as { items: { flow?: boolean }[] }).items) row.flow = true;
    doc.setIn(['steps', u.stepIndex, 'expect', 'rows'], rows);
  }
  await writeFile(file, doc.toString({ lineWidth: 0 }));
}
