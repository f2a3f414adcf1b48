import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const ruleSet = createRequire(import.meta.url)('../.dependency-cruiser.cjs');

async function violations(baseDir: string, paths: string[]): Promise<{ rule: string; from: string; to: string }[]> {
  const result = await cruise(
    paths,
    { ...ruleSet.options, ruleSet, validate: true, baseDir, tsConfig: undefined },
    { extensions: ['.ts', '.js', '.mjs', '.json'] },
  );
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

describe('folder rules (.dependency-cruiser.cjs, ../shared/STYLE.md)', () => {
  it('the project has no import cycle, no reach into a folder around its index.ts, no YAML in the runner', async () => {
    const found = await violations(process.cwd(), ['harness', 'test', 'containers', 'scripts', 'bin']);
    expect(found.map((v) => `${v.rule}: ${v.from} -> ${v.to}`)).toEqual([]);
  }, 60_000);

  it('the rules catch a cycle, a reach past an index.ts, YAML in the runner, and engines reaching past their folders (fixture)', async () => {
    const found = await violations(resolve('test/fixtures/dependency-rules'), ['harness']);
    const rules = new Set(found.map((v) => v.rule));
    expect([...rules].sort()).toEqual([
      'engine-folders-through-index',
      'engines-apart',
      'no-import-cycles',
      'runner-knows-no-yaml',
      'through-index-only',
    ]);
    expect(found).toContainEqual({
      rule: 'engines-apart',
      from: 'harness/engines/one/one-engine.ts',
      to: 'harness/engines/two/two-engine.ts',
    });
    expect(found).toContainEqual({
      rule: 'engine-folders-through-index',
      from: 'harness/engines/registry.ts',
      to: 'harness/engines/one/one-engine.ts',
    });
    expect(found).toContainEqual({ rule: 'through-index-only', from: 'harness/alpha/alpha.ts', to: 'harness/beta/beta.ts' });
  }, 60_000);
});
