import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getContainerRuntimeClient, ImageName } from 'testcontainers';
import { EnvironmentError } from '../harness/environment-error.ts';

/** The JDK image built here from Debian's packages: the reference catalog's and every local Java image's base. */
export const LOCAL_JDK_IMAGE = 'paimon-interop/jdk:17';

/** Debian packages of the base image: a JRE for the catalog and Flink, Python for tools, procps for Flink's scripts. */
const BASE_PACKAGES = ['openjdk-17-jre-headless', 'python3', 'procps', 'ca-certificates', 'bash'];
const DEBIAN_MIRROR = process.env.PAIMON_INTEROP_DEBIAN_MIRROR ?? 'http://deb.debian.org/debian';

/** Whether the Docker engine has an image of this name (asked through testcontainers' client, as every other Docker call of the harness). */
export async function imagePresent(image: string): Promise<boolean> {
  const client = await getContainerRuntimeClient();
  return client.image.exists(ImageName.fromString(image)).catch(() => false);
}

/** An image's size in bytes (0 when the engine does not say), asked the same way. */
export async function imageSize(image: string): Promise<number> {
  const client = await getContainerRuntimeClient();
  return (await client.image.inspect(ImageName.fromString(image))).Size || 0;
}

/** Runs a command, its output line by line to `progress`; one environment error naming the component with the last lines when it fails. */
export async function imageStep(
  component: string,
  command: string,
  args: string[],
  progress: (m: string) => void,
  opts: { input?: NodeJS.ReadableStream } = {},
): Promise<void> {
  const tail: string[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(command, args, { stdio: [opts.input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    if (opts.input) opts.input.pipe(child.stdin!);
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        tail.push(line);
        if (tail.length > 20) tail.shift();
        if (/^(I: Retrieving|I: Configuring|Step \d|#\d+ \[)/.test(line)) progress(`${component}: ${line.slice(0, 120)}`);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  }).catch((err: Error) => {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    const hint =
      command === 'debootstrap'
        ? ' (Debian: apt-get install debootstrap)'
        : command === 'docker'
          ? ' (Debian: apt-get install docker.io)'
          : '';
    throw new EnvironmentError(
      'ENV_PROVISION_FAILED',
      component,
      missing ? `${command} is not installed here${hint}` : `${command} could not run: ${err.message}`,
    );
  });
  if (code !== 0)
    throw new EnvironmentError('ENV_PROVISION_FAILED', component, `${command} ${args[0] ?? ''} failed (exit ${code})`, tail.join('\n'));
}

/**
 * The JDK base image from Debian's registry alone: debootstrap a minimal bookworm with a JRE and
 * Python, then `docker import` it. Needs root and debootstrap (Debian: apt-get install debootstrap).
 */
export async function buildJdkImage(progress: (m: string) => void): Promise<string> {
  const rootfs = await mkdtemp(join(tmpdir(), 'pi-rootfs-'));
  try {
    progress(`images: debootstrap bookworm (${BASE_PACKAGES.join(', ')}) from ${DEBIAN_MIRROR}`);
    await imageStep(
      'images',
      'debootstrap',
      ['--variant=minbase', `--include=${BASE_PACKAGES.join(',')}`, 'bookworm', rootfs, DEBIAN_MIRROR],
      progress,
    );
    progress(`images: importing ${LOCAL_JDK_IMAGE}`);
    const tar = spawn('tar', ['-C', rootfs, '-c', '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await imageStep('images', 'docker', ['import', '-c', 'ENV LANG=C.UTF-8', '-c', 'CMD ["/bin/bash"]', '-', LOCAL_JDK_IMAGE], progress, {
      input: tar.stdout,
    });
    return LOCAL_JDK_IMAGE;
  } finally {
    await rm(rootfs, { recursive: true, force: true });
  }
}
