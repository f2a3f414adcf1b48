import { describe, expect, it } from 'vitest';
import type { Engine } from '../engines/index.ts';
import type { EnvironmentDescriptor } from '../environment/index.ts';
import { buildRunContext } from './context-for-run.ts';
import type { RunSpec } from './run-spec.ts';

const endpoint = (engine: string) => ({ engine, url: `http://127.0.0.1:1/${engine}` });

describe('buildRunContext', () => {
  it('holds the environment by reference and opens an adapter per endpoint, the writer release’s too', () => {
    const env: EnvironmentDescriptor = {
      provider: 'local',
      paimonVersion: '1.4.2',
      catalog: { uri: 'http://127.0.0.1:1', warehouse: 'w', auth: { provider: 'none' } },
      engines: [endpoint('pypaimon'), endpoint('flink')],
      writer: { engines: [endpoint('pypaimon')], unavailable: { 'paimon-java': 'no release' } },
      unavailable: { doris: 'needs its images' },
      logs: {},
      versions: { pypaimon: '1.4.2' },
      scratchRoot: '/tmp',
      features: { wireProxy: { url: 'http://127.0.0.1:2', token: 't' } },
    };
    const spec: RunSpec = {
      runId: 'r1',
      runDir: '/tmp/r1',
      filter: { paths: [] },
      update: false,
      keepDatabases: true,
      jobs: 1,
      knownIssuesFile: 'k.yaml',
      writerVersion: '1.3.1',
      env,
    };
    const opened: string[] = [];
    // TEST DOUBLE, not an engine: records which endpoints got an adapter.
    const createEngine = (e: { engine: string; url: string }): Engine => {
      opened.push(e.url);
      return { name: e.engine, execute: async () => ({ ok: true, result: { columns: [], rows: [] } }) };
    };
    const ctx = buildRunContext(spec, { knownIssues: [], createEngine });
    expect(ctx.env).toBe(env);
    expect(ctx).toMatchObject({ runId: 'r1', writerPaimonVersion: '1.3.1', keepDatabases: true });
    expect([...ctx.engines.keys()]).toEqual(['pypaimon', 'flink']);
    expect([...ctx.writeEngines!.keys()]).toEqual(['pypaimon']);
    expect(opened).toEqual(['http://127.0.0.1:1/pypaimon', 'http://127.0.0.1:1/flink', 'http://127.0.0.1:1/pypaimon']);
    expect(
      buildRunContext({ ...spec, env: { ...env, writer: undefined } }, { knownIssues: [], createEngine }).writeEngines,
    ).toBeUndefined();
  });
});
