import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LiveProcess } from '../processes/index.ts';
import { redact } from '../redact.ts';
import { flinkJobs } from './flink-jobs.ts';
import { processTree, unanswerableState, type OsProcess } from './process-tree.ts';
import { digestPythonStacks, pythonStacks } from './python-stacks.ts';
import { digestThreadDump, jvmThreadDump } from './thread-dump.ts';

/** One file of evidence: what it holds, of which component. */
interface EvidenceFile {
  component: string;
  what: 'thread dump' | 'python stacks' | 'flink jobs';
  path: string;
}

/** What the harness captured when a step got no answer in time: files, and a digest for the failure text. */
export interface HangEvidence {
  dir: string;
  files: EvidenceFile[];
  /** A few lines per component: where its threads are, the state of a process that cannot answer. */
  digest: string[];
}

/** Where evidence comes from: the processes the harness started here, and Flink clusters' REST APIs. */
export interface EvidenceSources {
  processes: readonly LiveProcess[];
  flinkRestUrls: readonly string[];
}

/** How long one dump (jcmd, a Python stack dump, a Flink REST call) may take. */
const DUMP_TIMEOUT_MS = 15_000;

const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]+/g, '_');

/**
 * Thread dumps of every JVM the harness started (Flink's JobManager, TaskManager and SQL
 * Gateway, the Java gateway, the reference catalog, Spark Connect), the Python gateways'
 * stacks, and Flink's jobs with their exceptions, taken at once when a step got no answer.
 * Files go to `<outDir>/<label>/`, redacted; the digest goes in the failure text. Never throws:
 * what could not be taken is said in the digest.
 */
export async function collectHangEvidence(
  sources: EvidenceSources,
  at: { outDir: string; label: string; sinceMs: number; secrets: readonly string[] },
): Promise<HangEvidence> {
  const dir = join(at.outDir, safe(at.label));
  await mkdir(dir, { recursive: true });
  const files: EvidenceFile[] = [];
  const keep = async (component: string, what: EvidenceFile['what'], name: string, text: string) => {
    const path = join(dir, safe(name));
    await writeFile(path, redact(text, at.secrets));
    files.push({ component, what, path });
  };

  const perProcess = sources.processes.map(async (p): Promise<string[]> => {
    const tree = await processTree(p.pid);
    if (!tree.length) return [`${p.component}: not running (pid ${p.pid} is gone)`];
    const lines: string[] = [];
    const jvms = tree.filter((t) => t.comm === 'java');
    for (const jvm of jvms) lines.push(...(await dumpJvm(p.component, jvm, keep)));
    if (p.stacksFile && !jvms.length) {
      const stopped = unanswerableState(tree[0]!.state);
      if (stopped) lines.push(`${p.component} (pid ${p.pid}): ${stopped}`);
      else {
        const got = await pythonStacks(p.pid, p.stacksFile, DUMP_TIMEOUT_MS);
        if (got.text) {
          await keep(p.component, 'python stacks', `${p.component}-${p.pid}.stacks.txt`, got.text);
          lines.push(...digestPythonStacks(got.text).map((l, i) => (i === 0 ? `${p.component} (pid ${p.pid}): ${l}` : `  ${l}`)));
        } else lines.push(`${p.component} (pid ${p.pid}): no Python stacks: ${got.problem}`);
      }
    }
    return lines;
  });
  const perFlink = sources.flinkRestUrls.map(async (url): Promise<string[]> => {
    try {
      const jobs = await flinkJobs(url, at.sinceMs, DUMP_TIMEOUT_MS);
      await keep('flink', 'flink jobs', `flink-jobs-${new URL(url).port}.json`, jobs.text);
      return jobs.digest;
    } catch (err) {
      return [`flink: no job list from ${url} (${(err as Error).message})`];
    }
  });
  const digest = (await Promise.all([...perProcess, ...perFlink])).flat();
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { dir, files, digest: digest.map((l) => redact(l, at.secrets)) };
}

async function dumpJvm(
  component: string,
  jvm: OsProcess,
  keep: (component: string, what: EvidenceFile['what'], name: string, text: string) => Promise<void>,
): Promise<string[]> {
  const stopped = unanswerableState(jvm.state);
  if (stopped) return [`${component} (JVM pid ${jvm.pid}): ${stopped}`];
  const got = await jvmThreadDump(jvm, DUMP_TIMEOUT_MS);
  if (!got.text) return [`${component} (JVM pid ${jvm.pid}): no thread dump: ${got.problem}`];
  await keep(component, 'thread dump', `${component}-${jvm.pid}.threads.txt`, got.text);
  return digestThreadDump(got.text).map((l, i) => (i === 0 ? `${component} (JVM pid ${jvm.pid}): ${l}` : `  ${l}`));
}
