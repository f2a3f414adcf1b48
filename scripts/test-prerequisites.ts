/**
 * `npm test`'s pretest step: the tests need a few programs from Debian (a JDK and Maven for the
 * Java gateway, python3-venv for pypaimon, MariaDB as the Doris adapter's protocol stand-in,
 * Chromium for the HTML matrix check, Docker for the docker environment's error checks). Find what is missing and install it with apt when this
 * user may (root, or sudo without a password); otherwise stop with the one command to run.
 * `PAIMON_INTEROP_NO_APT=1` never installs, only tells.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A program the tests need and the Debian package that brings it. */
export interface Prerequisite {
  /** What it is for, shown when it is missing. */
  readonly purpose: string;
  readonly package: string;
  /** Present when this returns true. */
  readonly present: (probe: Probe) => boolean;
}

/** How the machine is looked at; a test passes its own. */
export interface Probe {
  /** An executable of this name on PATH or in the sbin folders (mariadbd lives in /usr/sbin). */
  readonly hasCommand: (name: string) => boolean;
  readonly hasFile: (path: string) => boolean;
  /** `python3 -c 'import venv, ensurepip'` succeeds. */
  readonly hasPythonVenv: () => boolean;
}

export const PREREQUISITES: readonly Prerequisite[] = [
  {
    purpose: 'Java gateway (javac, java)',
    package: 'openjdk-17-jdk-headless',
    present: (p) => p.hasCommand('javac') && p.hasCommand('java'),
  },
  { purpose: 'Java gateway build', package: 'maven', present: (p) => p.hasCommand('mvn') },
  {
    purpose: 'pypaimon and paimon-rust virtualenvs',
    package: 'python3-venv',
    present: (p) => p.hasCommand('python3') && p.hasPythonVenv(),
  },
  {
    purpose: 'Doris adapter protocol stand-in',
    package: 'mariadb-server',
    present: (p) => p.hasCommand('mariadbd') && p.hasCommand('mariadb-install-db'),
  },
  { purpose: 'HTML matrix check in a browser', package: 'chromium', present: (p) => p.hasFile('/usr/bin/chromium') },
  {
    purpose: 'docker environment checks against a real Docker engine (the test starts dockerd and stops it)',
    package: 'docker.io',
    present: (p) => p.hasCommand('dockerd') && p.hasCommand('docker'),
  },
  {
    purpose: "docker environment's images built offline from Debian's registry (paimon-interop images build)",
    package: 'debootstrap',
    present: (p) => p.hasCommand('debootstrap'),
  },
];

/** What to do about the missing packages. */
export type Plan =
  | { readonly kind: 'ready' }
  | { readonly kind: 'install'; readonly packages: readonly string[]; readonly command: readonly string[] }
  | { readonly kind: 'tell'; readonly packages: readonly string[]; readonly message: string };

export interface PlanContext {
  readonly isRoot: boolean;
  readonly passwordlessSudo: boolean;
  readonly hasApt: boolean;
  readonly noApt: boolean;
}

/** Pure: from what is missing and what this user may do, the plan. */
export function planPrerequisites(missing: readonly Prerequisite[], ctx: PlanContext): Plan {
  if (missing.length === 0) return { kind: 'ready' };
  const packages = [...new Set(missing.map((m) => m.package))];
  const what = missing.map((m) => `${m.package} (${m.purpose})`).join(', ');
  const install = `apt-get install -y ${packages.join(' ')}`;
  if (ctx.hasApt && !ctx.noApt && (ctx.isRoot || ctx.passwordlessSudo)) {
    return { kind: 'install', packages, command: ctx.isRoot ? [] : ['sudo', '-n'] };
  }
  const why = !ctx.hasApt
    ? 'apt-get is not on this machine'
    : ctx.noApt
      ? 'PAIMON_INTEROP_NO_APT is set'
      : 'this user is not root and sudo asks for a password';
  return {
    kind: 'tell',
    packages,
    message: `npm test needs ${what}; not installing because ${why}. Run:\n  sudo apt-get update && sudo ${install}\nthen npm test again.`,
  };
}

const SBIN = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

function machineProbe(): Probe {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...SBIN];
  const executable = (path: string): boolean => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  return {
    hasCommand: (name) => dirs.some((d) => executable(join(d, name))),
    hasFile: (path) => executable(path),
    hasPythonVenv: () => spawnSync('python3', ['-c', 'import venv, ensurepip'], { stdio: 'ignore' }).status === 0,
  };
}

function run(command: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.on('error', () => resolve(127));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<number> {
  const probe = machineProbe();
  const missing = PREREQUISITES.filter((p) => !p.present(probe));
  const plan = planPrerequisites(missing, {
    isRoot: process.getuid?.() === 0,
    passwordlessSudo: probe.hasCommand('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
    hasApt: probe.hasCommand('apt-get'),
    noApt: Boolean(process.env.PAIMON_INTEROP_NO_APT),
  });
  if (plan.kind === 'ready') return 0;
  if (plan.kind === 'tell') {
    process.stderr.write(`pretest: ${plan.message}\n`);
    return 1;
  }
  const started = Date.now();
  process.stderr.write(`pretest: installing ${plan.packages.join(', ')} with apt-get (once per machine)\n`);
  process.stderr.write('pretest: [1/2] apt-get update\n');
  if ((await run([...plan.command, 'apt-get', 'update', '-q'])) !== 0) {
    process.stderr.write(
      `pretest: apt-get update failed; run: sudo apt-get update && sudo apt-get install -y ${plan.packages.join(' ')}\n`,
    );
    return 1;
  }
  process.stderr.write(`pretest: [2/2] apt-get install ${plan.packages.join(' ')}\n`);
  const code = await run([...plan.command, 'apt-get', 'install', '-y', '-q', ...plan.packages]);
  if (code !== 0) {
    process.stderr.write(`pretest: apt-get install failed (exit ${code}); run: sudo apt-get install -y ${plan.packages.join(' ')}\n`);
    return 1;
  }
  const still = PREREQUISITES.filter((p) => !p.present(machineProbe()));
  if (still.length > 0) {
    process.stderr.write(`pretest: still missing after install: ${still.map((s) => s.package).join(', ')}\n`);
    return 1;
  }
  process.stderr.write(`pretest: installed in ${Math.round((Date.now() - started) / 1000)} s\n`);
  return 0;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  process.exitCode = await main();
}
