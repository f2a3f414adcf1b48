import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cacheDir, provisionVenv, versionRow } from '../harness/provisioning/index.ts';
import { testRunDir } from './support.ts';

const run = promisify(execFile);
const GITHUB = 'examples/ci/github/paimon-interop-nightly.yml';
const GITLAB = 'examples/ci/gitlab/.gitlab-ci.yml';
/** check-jsonschema carries GitHub's and GitLab's published schemas inside the package: validation is offline. */
const CHECK_JSONSCHEMA = 'check-jsonschema==0.39.0';

/** Runs one shell command of a recipe in `cwd` with bash (both CIs' default), exit code and output, never a throw. */
async function shell(script: string, cwd: string, env: Record<string, string>): Promise<{ code: number; out: string }> {
  return run('bash', ['-eo', 'pipefail', '-c', script], {
    cwd,
    env: { ...process.env, ...env },
    maxBuffer: 64 * 2 ** 20,
    timeout: 900_000,
  }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: `${e.stdout}${e.stderr}` }),
  );
}

/**
 * A copy of this checkout (tracked and new files, no node_modules), where the recipes may run
 * `npm ci`: outside this checkout, as a CI's is (vitest inside a folder of another project with
 * its own node_modules finds that project's runner).
 */
const copies: string[] = [];
async function workingCopy(name: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), `paimon-interop-ci-${name}-`));
  copies.push(copy);
  const files = (await run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'])).stdout.split('\0').filter(Boolean);
  for (const f of files) {
    await mkdir(join(copy, f, '..'), { recursive: true });
    await cp(f, join(copy, f)).catch(() => undefined); // a file deleted in the work tree
  }
  return copy;
}

describe('CI recipes (examples/ci)', () => {
  let checker: string;
  let dir: string;
  beforeAll(async () => {
    const python = await provisionVenv(join(cacheDir(), 'tools', 'check-jsonschema'), [CHECK_JSONSCHEMA], (m) =>
      process.stderr.write(`[setup] ${m}\n`),
    );
    checker = join(python, '..', 'check-jsonschema');
    dir = await testRunDir('ci');
  });
  // Each copy holds its own node_modules (hundreds of MB).
  afterAll(async () => {
    for (const c of copies) await rm(c, { recursive: true, force: true });
  });

  it('validate against the published GitHub workflow and GitLab CI schemas, and a broken one does not', async () => {
    for (const [file, schema] of [
      [GITHUB, 'vendor.github-workflows'],
      [GITLAB, 'vendor.gitlab-ci'],
    ] as const) {
      const r = await run(checker, ['--builtin-schema', schema, file]).then(
        (x) => x.stdout,
        (e: { stdout: string; stderr: string }) => `${e.stdout}${e.stderr}`,
      );
      expect(r, file).toContain('ok -- validation done');
    }
    // The check can fail: a job without runs-on, a GitLab script line that YAML reads as a map.
    const broken = join(dir, 'broken.yml');
    await writeFile(
      broken,
      (await readFile(GITHUB, 'utf8')).replace('    runs-on: ubuntu-24.04\n    timeout-minutes: 120\n', '    timeout-minutes: 120\n'),
    );
    await expect(run(checker, ['--builtin-schema', 'vendor.github-workflows', broken])).rejects.toMatchObject({
      stdout: expect.stringContaining("'runs-on' is a required property"),
    });
    await writeFile(broken, 'job:\n  script:\n    - curl --header "JOB-TOKEN: $T" x\n');
    await expect(run(checker, ['--builtin-schema', 'vendor.gitlab-ci', broken])).rejects.toMatchObject({
      stdout: expect.stringContaining('is not of type'),
    });
  });

  // The recipes' own commands, on one row and one shard of a small scenario folder (SCENARIOS also carries run options).
  const scenarios = 'test/fixtures/docker --engine pypaimon';
  const row = versionRow(undefined)!.paimon;

  it("GitHub: the shard's and the report job's run steps, in order, with a baseline", async () => {
    const copy = await workingCopy('github');
    const wf = parse(await readFile(GITHUB, 'utf8')) as {
      env: Record<string, string>;
      jobs: Record<string, { steps: { run?: string; name?: string }[] }>;
    };
    const summary = join(dir, 'github-step-summary.md');
    const env = {
      ...wf.env,
      SCENARIOS: scenarios,
      PAIMON: row,
      SHARD: '1/1',
      PAIMON_INTEROP_CACHE: cacheDir(),
      GITHUB_STEP_SUMMARY: summary,
    };
    for (const step of wf.jobs.interop!.steps.filter((s) => s.run)) {
      const r = await shell(step.run!, copy, env);
      expect(r.code, `${step.name}: ${r.out.slice(-2000)}`).toBe(0);
    }
    // What the artifact steps do between the jobs: the shard's results, and last night's as the baseline.
    await mkdir(join(copy, 'shards', 'raw-results-0'), { recursive: true });
    await cp(join(copy, 'shard-out', 'raw-results.json'), join(copy, 'shards', 'raw-results-0', 'raw-results.json'));
    await mkdir(join(copy, 'baseline'), { recursive: true });
    await cp(join(copy, 'shard-out', 'raw-results.json'), join(copy, 'baseline', 'raw-results.json'));
    for (const step of wf.jobs.report!.steps.filter((s) => s.run)) {
      const r = await shell(step.run!, copy, env);
      expect(r.code, `${step.name}: ${r.out.slice(-2000)}`).toBe(0);
      if (step.name?.startsWith('Merge')) expect(r.out).toContain('against the baseline: 0 newly failing');
    }
    expect(await readFile(summary, 'utf8')).toMatch(/^# paimon-interop run .*\n\n\*\*1 passed/);
  }, 900_000);

  it("GitLab: the shard's and the report job's script lines, in order, without a baseline the first night", async () => {
    const copy = await workingCopy('gitlab');
    const ci = parse(await readFile(GITLAB, 'utf8')) as {
      variables: Record<string, string>;
      interop: { script: string[] };
      report: { script: string[] };
    };
    // The image's package setup (before_script) is the machine's; these are the recipe's own lines.
    const env = {
      ...ci.variables,
      SCENARIOS: scenarios,
      PAIMON: row,
      SHARD: '1/1',
      PAIMON_INTEROP_CACHE: cacheDir(),
      CI_JOB_ID: '101',
      CI_PROJECT_DIR: copy,
      CI_API_V4_URL: 'http://127.0.0.1:9/api/v4',
      CI_PROJECT_ID: '1',
      CI_COMMIT_REF_NAME: 'main',
      CI_JOB_TOKEN: 'job-token-0000',
    };
    // GitLab runs a job's lines in one shell: a variable set by one line is seen by the next.
    const interop = await shell(ci.interop.script.join('\n'), copy, env);
    expect(interop.code, interop.out.slice(-2000)).toBe(0);
    const report = await shell(ci.report.script.join('\n'), copy, env);
    expect(report.code, report.out.slice(-2000)).toBe(0);
    expect(report.out).not.toContain('against the baseline');
    expect(await readFile(join(copy, 'merged', 'junit.xml'), 'utf8')).toContain('<testsuites');
  }, 900_000);
});
