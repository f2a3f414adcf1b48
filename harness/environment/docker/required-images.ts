import { getContainerRuntimeClient, ImageName } from 'testcontainers';
import { imagePresent } from '../../../containers/index.ts';
import { EnvironmentError } from '../environment.ts';

/** testcontainers' resource reaper, started before any container unless TESTCONTAINERS_RYUK_DISABLED=true. */
const REAPER_IMAGE = process.env.RYUK_CONTAINER_IMAGE ?? 'testcontainers/ryuk:0.14.0';

/** Every image a docker run needs, the resource reaper first (it is pulled before anything else starts). */
export function imagesToRun(images: readonly string[]): string[] {
  const reaper = process.env.TESTCONTAINERS_RYUK_DISABLED === 'true' ? [] : [REAPER_IMAGE];
  return [...new Set([...reaper, ...images])];
}

/** What a failed pull means, from the runtime's message: a registry that cannot be reached, or an image it does not have. */
export function pullFailure(message: string): 'unreachable' | 'missing' | undefined {
  if (/no such host|dial tcp|i\/o timeout|connection refused|TLS handshake|network is unreachable|Client\.Timeout/i.test(message))
    return 'unreachable';
  if (/manifest unknown|not found|pull access denied|repository does not exist|HTTP code 404/i.test(message)) return 'missing';
  return undefined;
}

/**
 * Makes sure every image is on this machine before a container starts: a missing one is pulled;
 * a pull that fails is an environment error naming the image and what to do (pre-pull, a mirror,
 * or --env local), so nothing is started and then left behind.
 */
export async function requireImages(images: readonly string[], progress: (m: string) => void): Promise<void> {
  const client = await getContainerRuntimeClient();
  for (const image of images) {
    const name = ImageName.fromString(image);
    if (await imagePresent(image)) continue;
    // Our own images are built here, never pulled.
    if (image.startsWith('paimon-interop/'))
      throw new EnvironmentError(
        'ENV_UNAVAILABLE',
        `image ${image}`,
        'is built on this machine and is not here yet: run paimon-interop images build (with the same --paimon), or --images official where a registry answers',
      );
    progress(`pulling ${image}`);
    try {
      await client.image.pull(name);
    } catch (err) {
      const message = ((err as Error).message ?? String(err)).replace(/\s+/g, ' ').trim();
      const reason = pullFailure(message);
      const registry = name.registry ?? 'docker.io';
      const what =
        reason === 'missing'
          ? `${registry} has no such image (${message.slice(0, 200)}): check the tag in containers/container-versions.ts`
          : `cannot be pulled: ${reason === 'unreachable' ? `the registry ${registry} is unreachable from this machine` : 'the pull failed'} (${message.slice(0, 200)})`;
      throw new EnvironmentError(
        'ENV_UNAVAILABLE',
        `image ${image}`,
        `${what}. Pre-pull it where a registry answers and load it here (docker pull ${image}; docker save -o image.tar ${image}; docker load -i image.tar), point Docker at a registry mirror, or run with --env local`,
      );
    }
  }
}
