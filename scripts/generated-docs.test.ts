import { describe, expect, it } from 'vitest';
import { generatedDocs, withGeneratedPart } from './generated-docs.ts';

describe('generated docs', () => {
  it('the checked-in README.md and docs/ hold what the code gives (npm run docs rewrites them)', async () => {
    for (const { file, current, generated } of await generatedDocs()) expect(current, `${file} is stale: run npm run docs`).toBe(generated);
  }, 60_000);

  it('replaces only the part between its markers, and refuses a document without them', () => {
    const doc = 'a\n<!-- generated:x:start (npm run docs writes this part; do not edit it by hand) -->\nold\n<!-- generated:x:end -->\nb';
    expect(withGeneratedPart(doc, 'x', 'new')).toBe(
      'a\n<!-- generated:x:start (npm run docs writes this part; do not edit it by hand) -->\nnew\n<!-- generated:x:end -->\nb',
    );
    expect(() => withGeneratedPart('no markers', 'x', 'new')).toThrow(/no generated part 'x'/);
  });
});
