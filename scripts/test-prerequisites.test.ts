import { describe, expect, it } from 'vitest';
import { PREREQUISITES, planPrerequisites, type Probe } from './test-prerequisites.ts';

const probeWith = (commands: string[], files: string[] = [], venv = true): Probe => ({
  hasCommand: (n) => commands.includes(n),
  hasFile: (p) => files.includes(p),
  hasPythonVenv: () => venv,
});
const all = probeWith(
  ['java', 'javac', 'mvn', 'python3', 'mariadbd', 'mariadb-install-db', 'dockerd', 'docker', 'debootstrap'],
  ['/usr/bin/chromium'],
);
const root = { isRoot: true, passwordlessSudo: false, hasApt: true, noApt: false };

describe('npm test prerequisites', () => {
  it('a machine with everything is ready', () => {
    expect(PREREQUISITES.filter((p) => !p.present(all))).toEqual([]);
    expect(planPrerequisites([], root)).toEqual({ kind: 'ready' });
  });

  it('a fresh machine without MariaDB, Chromium, Docker and debootstrap installs them as root, without sudo', () => {
    const missing = PREREQUISITES.filter((p) => !p.present(probeWith(['java', 'javac', 'mvn', 'python3'])));
    expect(missing.map((m) => m.package)).toEqual(['mariadb-server', 'chromium', 'docker.io', 'debootstrap']);
    expect(planPrerequisites(missing, root)).toEqual({
      kind: 'install',
      packages: ['mariadb-server', 'chromium', 'docker.io', 'debootstrap'],
      command: [],
    });
    expect(planPrerequisites(missing, { ...root, isRoot: false, passwordlessSudo: true })).toMatchObject({
      kind: 'install',
      command: ['sudo', '-n'],
    });
  });

  it('python3 without venv needs python3-venv; one package is asked once', () => {
    const missing = PREREQUISITES.filter(
      (p) =>
        !p.present(
          probeWith(['mvn', 'python3', 'mariadbd', 'mariadb-install-db', 'dockerd', 'docker', 'debootstrap'], ['/usr/bin/chromium'], false),
        ),
    );
    expect(missing.map((m) => m.package)).toEqual(['openjdk-17-jdk-headless', 'python3-venv']);
  });

  it('without the right to install, it stops with the command to run and why', () => {
    const missing = PREREQUISITES.filter((p) => p.package === 'chromium');
    const asUser = planPrerequisites(missing, { ...root, isRoot: false });
    expect(asUser.kind).toBe('tell');
    if (asUser.kind !== 'tell') return;
    expect(asUser.message).toContain('sudo apt-get update && sudo apt-get install -y chromium');
    expect(asUser.message).toContain('sudo asks for a password');
    const optedOut = planPrerequisites(missing, { ...root, noApt: true });
    expect(optedOut.kind === 'tell' && optedOut.message).toContain('PAIMON_INTEROP_NO_APT');
    expect(planPrerequisites(missing, { ...root, hasApt: false }).kind).toBe('tell');
  });
});
