import { readFile, stat } from 'node:fs/promises';
import { mostCommon } from './count-places.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A Python process's thread stacks: the harness's gateways register `faulthandler` on SIGUSR1
 * to append them to their stacks file (PAIMON_INTEROP_STACKS_FILE), from C, so a thread that
 * holds the interpreter lock in native code does not stop the dump. Only processes that
 * registered may get the signal (its default action ends a process).
 */
export async function pythonStacks(pid: number, file: string, timeoutMs: number): Promise<{ text?: string; problem?: string }> {
  const size = async () => (await stat(file).catch(() => undefined))?.size ?? 0;
  const before = await size();
  try {
    process.kill(pid, 'SIGUSR1');
  } catch (err) {
    return { problem: `could not signal it (${(err as NodeJS.ErrnoException).code})` };
  }
  let last = before;
  for (let waited = 0; waited < timeoutMs; waited += 100) {
    await sleep(100);
    const now = await size();
    // Written and no longer growing: the dump is complete.
    if (now > before && now === last) return { text: (await readFile(file)).subarray(before).toString('utf8') };
    last = now;
  }
  return { problem: `no stacks written in ${timeoutMs / 1000} s` };
}

interface PythonThread {
  /** Most recent call first, as faulthandler prints them: `file:line in function`, with the file's full path in `paths`. */
  frames: string[];
  paths: string[];
}

/** An engine library's own frames (not the HTTP or socket layers under it): `pypaimon/api/rest_api.py:272 in get_table`. */
const ENGINE_PACKAGE = /site-packages\/((?:pypaimon|pypaimon_rust|paimon_rust|pyspark|datafusion)\/.+)$/;

function parseStacks(text: string): PythonThread[] {
  const threads: PythonThread[] = [];
  for (const line of text.split('\n')) {
    if (/^(Current thread|Thread) 0x/.test(line)) threads.push({ frames: [], paths: [] });
    const frame = /^\s+File "(.+?)", line (\d+) in (.+)$/.exec(line);
    if (!frame || !threads.length) continue;
    const at = ENGINE_PACKAGE.exec(frame[1]!)?.[1] ?? frame[1]!.split('/').pop();
    threads.at(-1)!.frames.push(`${at}:${frame[2]} in ${frame[3]}`);
    threads.at(-1)!.paths.push(frame[1]!);
  }
  return threads;
}

/**
 * Python stacks in a few lines: the threads serving a request (those inside the gateway's
 * do_POST), each with where it is now and the gateway frame it came from.
 */
export function digestPythonStacks(text: string, limit = 4): string[] {
  const threads = parseStacks(text);
  const serving = threads.filter((t) => t.frames.some((f) => /gateway_server\.py:\d+ in do_POST$/.test(f)));
  const places: string[] = [];
  for (const t of serving) {
    const own =
      t.frames.find((f) => /_gateway\.py:/.test(f) && !f.startsWith('gateway_server.py')) ??
      t.frames.find((f) => f.startsWith('gateway_server.py'))!;
    const engine = t.frames.find((_, i) => ENGINE_PACKAGE.test(t.paths[i]!));
    const key = [t.frames[0], engine, own].filter((f, i, all) => f !== undefined && all.indexOf(f) === i).join(' ← ');
    places.push(key);
  }
  const lines = mostCommon(places, limit).map(([k, n]) => `${n} request thread(s) in ${k}`);
  return [`${threads.length} threads, ${serving.length} serving a request`, ...lines];
}
