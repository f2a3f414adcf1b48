import { buildLocalImages } from '../environment/index.ts';
import { formatBytes } from '../provisioning/index.ts';
import { out, UsageError } from './cli-output.ts';
import { resolveSourceVersions } from './version-args.ts';
import { setupRows } from './setup-command.ts';

/**
 * `images build [--paimon V|all] [--refresh]`: builds the images `--env docker --images local`
 * runs, here, from Debian's registry and the engine cache (no image registry needed), and lists
 * them with their sizes and build times.
 */
export async function imagesCommand(opts: {
  action?: string;
  paimon?: string;
  refresh: boolean;
  progress: (m: string) => void;
}): Promise<number> {
  if (opts.action !== 'build') throw new UsageError(`images takes build (got '${opts.action ?? ''}')`);
  const rows = setupRows(await resolveSourceVersions(opts.paimon));
  const built = await buildLocalImages(rows, { progress: opts.progress, refresh: opts.refresh });
  for (const b of built) out(`${b.image}  ${formatBytes(b.bytes)}  ${b.seconds ? `built in ${b.seconds} s` : 'already here'}`);
  out('run them with: paimon-interop run --env docker --images local');
  return 0;
}
