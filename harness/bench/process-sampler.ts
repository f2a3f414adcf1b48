import { readdir, readFile } from 'node:fs/promises';
import { ManagedProcess } from '../processes/index.ts';

/** The highest resident set size a component reached (Linux VmHWM), in MiB. */
export interface PeakRss {
  component: string;
  peakMiB: number;
}

interface ProcInfo {
  pid: number;
  ppid: number;
  args: string;
  hwmKiB: number;
}

async function readProc(pid: number): Promise<ProcInfo | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    const hwmKiB = Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    const args = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ').trim();
    return { pid, ppid, args, hwmKiB };
  } catch {
    return undefined; // gone between the listing and the read
  }
}

/** What an unmanaged process runs: a Python script, a JVM's main class, else the command. */
function programOf(args: string): string {
  const words = args.split(' ');
  const script = words.find((w) => w.endsWith('.py'));
  if (script) return `${script.split('/').pop()}${words.includes('--once') ? ' --once' : ''}`;
  const main = words.find((w) => /^(org|com|io)\.[\w.]+\.[A-Z]\w*$/.test(w));
  return main ? main.split('.').pop()! : words[0]!.split('/').pop()!;
}

/**
 * Samples every process under this one (Linux /proc) and keeps each one's peak RSS (VmHWM, which
 * the kernel keeps as a high-water mark, so sampling only has to catch each process once before
 * it ends). A process belongs to the component whose managed process it is or descends from; the
 * others are the harness's own (the vitest worker, esbuild). Off Linux it samples nothing.
 */
export class ProcessSampler {
  private readonly peaks = new Map<number, { component: string; hwmKiB: number }>();
  private timer?: NodeJS.Timeout;
  private busy = false;

  start(intervalMs = 500): this {
    this.timer = setInterval(() => void this.sample(), intervalMs);
    this.timer.unref();
    return this;
  }

  async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const pids = (await readdir('/proc').catch(() => [] as string[])).filter((d) => /^\d+$/.test(d)).map(Number);
      const infos = (await Promise.all(pids.map(readProc))).filter((p): p is ProcInfo => !!p);
      const byPid = new Map(infos.map((p) => [p.pid, p]));
      const managed = new Map(ManagedProcess.started.map((m) => [m.pid, m.component]));
      for (const p of infos) {
        // Walk up: a descendant of this process, attributed to the nearest managed ancestor.
        let component: string | undefined;
        let mine = false;
        for (let q: ProcInfo | undefined = p, hops = 0; q && hops < 64; q = byPid.get(q.ppid), hops++) {
          component ??= managed.get(q.pid);
          if (q.ppid === process.pid) {
            mine = true;
            break;
          }
        }
        if (!mine) continue;
        component ??= /vitest/.test(p.args)
          ? 'harness: vitest worker'
          : /esbuild/.test(p.args)
            ? 'harness: esbuild'
            : `unmanaged: ${programOf(p.args)}`;
        const prev = this.peaks.get(p.pid);
        if (!prev || p.hwmKiB > prev.hwmKiB) this.peaks.set(p.pid, { component, hwmKiB: p.hwmKiB });
      }
    } finally {
      this.busy = false;
    }
  }

  /** Stops sampling; per component the largest single process's peak (a JVM under its start script counts as the JVM). */
  async stop(): Promise<PeakRss[]> {
    clearInterval(this.timer);
    await this.sample();
    const by = new Map<string, number>([['harness: CLI', process.resourceUsage().maxRSS]]);
    for (const { component, hwmKiB } of this.peaks.values()) by.set(component, Math.max(by.get(component) ?? 0, hwmKiB));
    return [...by.entries()]
      .map(([component, kib]) => ({ component, peakMiB: Math.round(kib / 1024) }))
      .sort((a, b) => b.peakMiB - a.peakMiB);
  }
}
