import { readdir, readFile, readlink } from 'node:fs/promises';

/** A process on this machine as /proc shows it. */
export interface OsProcess {
  pid: number;
  ppid: number;
  /** The executable's short name (`java`, `python3`, `bash`). */
  comm: string;
  /** The kernel's state letter: R running, S sleeping, D in I/O, T stopped, Z zombie. */
  state: string;
  /** The executable's path, where /proc shows it. */
  exe?: string;
}

async function readProcess(pid: number): Promise<OsProcess | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!stat) return undefined;
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so it ends at the last ')'.
  const close = stat.lastIndexOf(')');
  const [state, ppid] = stat.slice(close + 2).split(' ');
  const exe = await readlink(`/proc/${pid}/exe`).catch(() => undefined);
  return { pid, ppid: Number(ppid), comm: stat.slice(stat.indexOf('(') + 1, close), state: state ?? '?', exe };
}

/** A process and all its descendants (a start script's JVM), the root first; empty when it is gone. */
export async function processTree(root: number): Promise<OsProcess[]> {
  const pids = (await readdir('/proc').catch(() => [] as string[])).filter((d) => /^\d+$/.test(d)).map(Number);
  const all = (await Promise.all(pids.map(readProcess))).filter((p): p is OsProcess => p !== undefined);
  const tree: OsProcess[] = [];
  const walk = (pid: number) => {
    const p = all.find((x) => x.pid === pid);
    if (!p) return;
    tree.push(p);
    for (const child of all.filter((x) => x.ppid === pid)) walk(child.pid);
  };
  walk(root);
  return tree;
}

/** Why a process cannot answer a dump request, from its state letter; undefined when it can. */
export function unanswerableState(state: string): string | undefined {
  if (state === 'T' || state === 't') return 'stopped (state T: paused by SIGSTOP or a debugger), so it cannot answer';
  if (state === 'Z') return 'a zombie (exited, not yet reaped)';
  return undefined;
}
