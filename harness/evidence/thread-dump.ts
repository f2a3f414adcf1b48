import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mostCommon } from './count-places.ts';
import type { OsProcess } from './process-tree.ts';

/** Frames that tell what a thread does for a step: Paimon's own, and the harness's Java gateway and catalog launcher. */
const OWN_FRAME = /^\s*at (org\.apache\.paimon\.|JavaGateway|CatalogLauncher)/;

/** The JDK's `jcmd` beside the JVM's own `java` (attach works best with the same release), else the one on PATH. */
async function jcmdFor(jvm: OsProcess): Promise<string> {
  const beside = jvm.exe ? join(dirname(jvm.exe), 'jcmd') : undefined;
  return beside &&
    (await access(beside).then(
      () => true,
      () => false,
    ))
    ? beside
    : 'jcmd';
}

/** A JVM's threads (`jcmd <pid> Thread.print -l`), or why there are none. */
export async function jvmThreadDump(jvm: OsProcess, timeoutMs: number): Promise<{ text?: string; problem?: string }> {
  const jcmd = await jcmdFor(jvm);
  return new Promise((resolve) => {
    execFile(jcmd, [String(jvm.pid), 'Thread.print', '-l'], { timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) return resolve({ text: stdout });
      const why =
        (err as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'jcmd is not installed (it comes with a JDK)'
          : err.killed
            ? `jcmd got no answer in ${timeoutMs / 1000} s`
            : `jcmd failed: ${(stderr || err.message).trim().split('\n').pop()}`;
      resolve({ problem: why });
    });
  });
}

interface JavaThread {
  name: string;
  state: string;
  frames: string[];
}

function parseThreads(dump: string): JavaThread[] {
  const threads: JavaThread[] = [];
  let current: JavaThread | undefined;
  for (const line of dump.split('\n')) {
    const head = /^"(.+?)"/.exec(line);
    if (head) {
      current = { name: head[1]!, state: '', frames: [] };
      threads.push(current);
      continue;
    }
    if (!current) continue;
    const state = /^\s+java\.lang\.Thread\.State: (\w+)/.exec(line);
    if (state) current.state = state[1]!;
    else if (/^\s+at /.test(line)) current.frames.push(line.trim().slice(3));
  }
  return threads;
}

/** `org.apache.paimon.rest.HttpClient.execute(HttpClient.java:120)` -> `…rest.HttpClient.execute`. */
const method = (frame: string) => frame.replace(/\(.*$/, '').replace(/^org\.apache\.paimon\./, 'paimon.');

/**
 * A thread dump in a few lines: how many threads, and those running Paimon's or the harness's
 * code, grouped by state, where they are and the first of Paimon's frames under it.
 */
export function digestThreadDump(dump: string, limit = 4): string[] {
  const threads = parseThreads(dump);
  const places: string[] = [];
  for (const t of threads) {
    // Paimon's own frames before its shaded libraries'; a thread whose only own frame is a main
    // method (the gateway's stdin watch) does nothing for a step.
    const owned = t.frames.filter((f) => OWN_FRAME.test(`at ${f}`));
    const own = owned.find((f) => !f.startsWith('org.apache.paimon.shade.')) ?? owned[0];
    if (!own || (owned.length === 1 && /\.main\(/.test(own))) continue;
    const top = t.frames[0]!;
    const key = `${t.state || 'UNKNOWN'} in ${method(top)}${top === own ? '' : ` ← ${method(own)}`}`;
    places.push(key);
  }
  const lines = mostCommon(places, limit).map(([k, n]) => `${n} thread(s) ${k}`);
  return [
    `${threads.length} threads${places.length ? `, ${places.length} in Paimon's or the harness's code` : ", none in Paimon's or the harness's code"}`,
    ...lines,
  ];
}
