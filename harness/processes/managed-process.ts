import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { logTail } from '../log-tail.ts';
import { EnvironmentError } from '../environment-error.ts';

const EXIT_WITH_STDIN = join(dirname(fileURLToPath(import.meta.url)), 'exit-with-stdin.sh');
const running = new Set<ManagedProcess>();
let hooked = false;

/** Stops every process this harness started; installed once, on the first start. */
function installExitHooks(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const p of running) p.killNow();
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      void Promise.allSettled([...running].map((p) => p.stop())).then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

export interface StartSpec {
  component: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
  log: string;
  /** Line prefix the process prints on stdout when it serves; the rest of the line is returned. */
  readyPrefix?: string;
  /**
   * Readiness of servers that print no ready line (Flink): polled every 250 ms until it returns
   * a string (handed back as `ready`); errors count as not ready yet.
   */
  readyProbe?: () => Promise<string | undefined>;
  /**
   * The command does not exit when its stdin closes (a JVM of someone else's): run it under
   * exit-with-stdin.sh, which stops it when the harness stops or dies.
   */
  stopOnStdinClose?: boolean;
  /** Abandons the start (another component of the same service failed): the process is stopped. */
  signal?: AbortSignal;
  /** Servers that announce readiness on stderr (mariadbd): a text the stderr line contains. */
  readyOnStderr?: string;
  /**
   * A Python process of the harness's (a gateway, the Python catalog) that dumps its thread
   * stacks to `<log>.stacks` on SIGUSR1 (faulthandler): hang evidence may signal it.
   */
  pythonStacks?: boolean;
  timeoutMs: number;
}

/** A process the harness started and that still runs: where hang evidence looks. */
export interface LiveProcess {
  component: string;
  pid: number;
  log: string;
  /** Where it writes its Python stacks on SIGUSR1; absent: never signal it. */
  stacksFile?: string;
}

/**
 * A child process of the harness: output to a log file, readiness from one stdout line, and
 * its stdin held open so it exits by itself if the harness dies (the launcher and gateways
 * watch for EOF). Stopped on run end, Ctrl-C, SIGTERM and process exit.
 */
export class ManagedProcess {
  private child?: ChildProcess;
  private logStream?: WriteStream;
  private stopping = false;

  private constructor(readonly spec: StartSpec) {}

  /** Every process started in this harness process, with the time it took to be ready (the benchmark reads it). */
  static readonly started: { component: string; pid: number; readyMs: number }[] = [];

  static async start(spec: StartSpec): Promise<{ process: ManagedProcess; ready: string }> {
    installExitHooks();
    const p = new ManagedProcess(spec);
    const t0 = performance.now();
    const ready = await p.launch();
    ManagedProcess.started.push({ component: spec.component, pid: p.pid ?? 0, readyMs: Math.round(performance.now() - t0) });
    return { process: p, ready };
  }

  /** The processes started in this harness process that still run, oldest first. */
  static live(): LiveProcess[] {
    return [...running].flatMap((p) =>
      p.pid === undefined
        ? []
        : [
            {
              component: p.spec.component,
              pid: p.pid,
              log: p.spec.log,
              ...(p.spec.pythonStacks ? { stacksFile: `${p.spec.log}.stacks` } : {}),
            },
          ],
    );
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  private launch(): Promise<string> {
    const { spec } = this;
    this.logStream = createWriteStream(spec.log, { flags: 'a' });
    const [command, args] = spec.stopOnStdinClose ? ['bash', [EXIT_WITH_STDIN, spec.command, ...spec.args]] : [spec.command, spec.args];
    const stacks = spec.pythonStacks ? { PAIMON_INTEROP_STACKS_FILE: `${spec.log}.stacks` } : {};
    const child = spawn(command, args, { cwd: spec.cwd, env: { ...process.env, ...spec.env, ...stacks }, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    running.add(this);
    child.stderr!.pipe(this.logStream, { end: false });
    let stderrSeen = '';
    return new Promise((resolve, reject) => {
      let buffered = '';
      let settled = false;
      const fail = async (why: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        await this.stop();
        reject(new EnvironmentError('ENV_START_FAILED', spec.component, `${why}; log: ${spec.log}`, await logTail(spec.log)));
      };
      const timer = setTimeout(() => void fail(`not ready after ${spec.timeoutMs / 1000}s`), spec.timeoutMs);
      spec.signal?.addEventListener('abort', () => void fail('start abandoned: another component failed to start'), { once: true });
      if (spec.readyOnStderr) {
        child.stderr!.on('data', (chunk: Buffer) => {
          if (settled) return;
          stderrSeen = (stderrSeen + chunk.toString('utf8')).slice(-4096);
          if (stderrSeen.includes(spec.readyOnStderr!)) {
            settled = true;
            clearTimeout(timer);
            resolve('');
          }
        });
      }
      if (spec.readyProbe) {
        const poll = async () => {
          if (settled) return;
          const ready = await spec.readyProbe!().catch(() => undefined);
          if (settled) return;
          if (ready === undefined) return void setTimeout(() => void poll(), 250);
          settled = true;
          clearTimeout(timer);
          resolve(ready);
        };
        void poll();
      }
      child.stdout!.on('data', (chunk: Buffer) => {
        this.logStream?.write(chunk);
        if (settled || spec.readyPrefix === undefined) return;
        buffered += chunk.toString('utf8');
        const line = buffered.split('\n').find((l) => l.startsWith(spec.readyPrefix!));
        if (line) {
          settled = true;
          clearTimeout(timer);
          resolve(line.slice(spec.readyPrefix!.length).trim());
        }
      });
      child.on('error', (err) => void fail(`could not start ${spec.command} (${err.message})`));
      child.on('exit', (code, signal) => {
        running.delete(this);
        if (settled && !this.stopping) this.noteUnexpectedExit(signal ?? `code ${code}`);
        void fail(`exited before it was ready (${signal ?? `code ${code}`})`);
      });
    });
  }

  /**
   * A process that dies during the run (killed, crashed, out of memory) says so in its own log, where
   * the report's log tail shows it, and on stderr: its steps then end as infrastructure errors.
   */
  private noteUnexpectedExit(how: string): void {
    const { component, log } = this.spec;
    this.logStream?.write(`\n[paimon-interop] ${component} exited during the run (${how})\n`);
    process.stderr.write(`[env] ${component}: exited during the run (${how}); its steps end as infrastructure errors; log: ${log}\n`);
  }

  /** Closes stdin (the child's cue to exit), then SIGTERM, then SIGKILL after a grace period. */
  async stop(graceMs = 5000): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      running.delete(this);
      this.logStream?.end();
      return;
    }
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.stdin?.end();
    const term = setTimeout(() => child.kill('SIGTERM'), 1000);
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(term);
    clearTimeout(kill);
    running.delete(this);
    this.logStream?.end();
  }

  killNow(): void {
    this.child?.kill('SIGKILL');
  }
}
