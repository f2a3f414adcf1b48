import { provisionForEngines } from '../harness/engines/index.ts';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CatalogClient } from '../harness/catalog/index.ts';
import { createEngine, type Engine, type EngineOutcome, type EngineRequest } from '../harness/engines/index.ts';
import type { StartedEnvironment } from '../harness/environment/index.ts';
import { LocalProvider, startReferenceCatalog, type CatalogAuth } from '../harness/environment/local/index.ts';
import type { ConformanceReport } from '../harness/reporters/index.ts';
import { checkInsert } from '../harness/runner/index.ts';
import { versionRow } from '../harness/provisioning/index.ts';
import type { RawResults } from '../harness/verdicts/index.ts';

const execNode = promisify(execFile);

/** Runs `node <args>` (the CLI: `bin/paimon-interop.mjs …`) to its end: exit code and output, never a throw. */
export function runNode(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 600_000,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return execNode(process.execPath, args, { maxBuffer: 64 * 2 ** 20, env: { ...process.env, ...env }, timeout: timeoutMs }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

/** The folder of the run a CLI invocation reported (`reports: <dir>/<run id> (…)`) under `reportsDir`. */
export function reportedRunDir(reportsDir: string, stdout: string): string {
  const runId = /reports: \S+\/([^/\s]+) \(/.exec(stdout)?.[1];
  if (!runId) throw new Error(`the CLI reported no run folder; its output ends: ${stdout.slice(-500)}`);
  return join(reportsDir, runId);
}

/** The raw results of the run a CLI invocation reported under `reportsDir`. */
export async function rawResultsOf(reportsDir: string, stdout: string): Promise<RawResults> {
  return JSON.parse(await readFile(join(reportedRunDir(reportsDir, stdout), 'raw-results.json'), 'utf8')) as RawResults;
}

/** The conformance report (conformance.json) of the run a CLI invocation reported. */
export async function conformanceReportOf(reportsDir: string, stdout: string): Promise<ConformanceReport> {
  return JSON.parse(await readFile(join(reportedRunDir(reportsDir, stdout), 'conformance.json'), 'utf8')) as ConformanceReport;
}

/** Whether a process of this pid still exists (signal 0 checks without sending anything). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A fresh folder under reports/ for one e2e test file (kept for inspection, git-ignored). */
export async function testRunDir(name: string): Promise<string> {
  return mkdtemp(join(resolve('reports'), `e2e-${name}-`));
}

/** Provisions the default Paimon version (cached: a second call downloads nothing). */
export async function provisionDefault() {
  return provisionRow(undefined);
}

/** Provisions a version row's shared venv and class path (downloads on a cold machine): call it from a hook, whose time limit is long. */
export async function provisionRow(version: string | undefined) {
  return provisionForEngines(versionRow(version)!, { progress: (m) => process.stderr.write(`[setup] ${m}\n`) });
}

/** The default row's Java reference catalog with `auth`, its warehouse and log in `dir`; with the provisioning it ran from. */
export async function startTestCatalog(dir: string, auth: CatalogAuth) {
  const prov = await provisionDefault();
  const catalog = await startReferenceCatalog({
    java: prov.java,
    classpath: prov.catalogClasspath,
    dataPath: join(dir, 'warehouse'),
    log: join(dir, 'catalog.log'),
    auth,
  });
  return { prov, catalog };
}

/**
 * Local engines against a fresh reference catalog, with one scenario database, for e2e tests that
 * call adapters directly. `run` sends a request as the runner does (inserts carry their column
 * types read from the catalog).
 */
export class LocalEngines {
  env!: StartedEnvironment;
  catalog!: CatalogClient;
  readonly engines = new Map<string, Engine>();

  constructor(
    private readonly name: string,
    private readonly engineNames: string[],
    readonly db: string,
  ) {}

  async start(): Promise<void> {
    this.env = await new LocalProvider().start({
      runDir: await testRunDir(this.name),
      engines: this.engineNames,
      onProgress: (m) => process.stderr.write(`[env] ${m}\n`),
    });
    for (const e of this.env.engines) this.engines.set(e.engine, createEngine(e, { catalog: this.env.catalog, runId: 'e2e' }));
    this.catalog = new CatalogClient(this.env.catalog);
    await this.catalog.createDatabase(this.db);
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.engines.values()].map((e) => e.close?.()));
    await this.catalog?.dropDatabase(this.db).catch(() => undefined);
    await this.env?.stop();
  }

  run = async (engine: string, request: EngineRequest): Promise<EngineOutcome> => {
    const typed =
      request.kind === 'insert' ? { ...request, columnTypes: (await checkInsert(request, this.catalog, this.db)).columnTypes } : request;
    return this.engines.get(engine)!.execute(typed, { database: this.db });
  };
}

/** Every process below `root` (children, their children, …) as `ps` shows them: pid and command line. */
export function descendants(root: number): { pid: number; args: string }[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='])
    .toString()
    .trim()
    .split('\n')
    .map((l) => {
      const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l)!;
      return { pid: Number(m[1]), ppid: Number(m[2]), args: m[3]! };
    });
  const out: { pid: number; args: string }[] = [];
  const walk = (pid: number) => {
    for (const r of rows.filter((x) => x.ppid === pid)) {
      out.push(r);
      walk(r.pid);
    }
  };
  walk(root);
  return out;
}
