import { buildJdkImage, imagePresent, imageSize, LOCAL_JDK_IMAGE } from '../../../containers/index.ts';
import { ENGINE_DESCRIPTORS, provisionForEngines } from '../../engines/index.ts';
import type { PaimonVersionRow } from '../../provisioning/index.ts';
import { requireContainerRuntime } from './docker-provider.ts';

/** An image `images build` made (or found), with its size. */
interface BuiltImage {
  image: string;
  bytes: number;
  /** Seconds it took; 0 when it was there already. */
  seconds: number;
}

/**
 * `paimon-interop images build`: the images `--env docker --images local` runs, from what this
 * machine can reach (Debian's registry, the engine cache): the JDK base once, then each engine's
 * own for every row (Flink's distribution). `refresh` rebuilds the base too.
 */
export async function buildLocalImages(
  rows: readonly PaimonVersionRow[],
  opts: { progress: (m: string) => void; refresh?: boolean },
): Promise<BuiltImage[]> {
  await requireContainerRuntime();
  const built: BuiltImage[] = [];
  /** Records the images `build` gives with their sizes and its time (0 for images that were `found` already). */
  const record = async (build: () => Promise<string[]>, found = false) => {
    const t0 = Date.now();
    const images = await build();
    const seconds = found ? 0 : Math.round((Date.now() - t0) / 100) / 10;
    for (const image of images) built.push({ image, bytes: await imageSize(image), seconds });
  };
  const haveJdk = !opts.refresh && (await imagePresent(LOCAL_JDK_IMAGE));
  await record(async () => [haveJdk ? LOCAL_JDK_IMAGE : await buildJdkImage(opts.progress)], haveJdk);
  for (const row of rows) {
    const prov = await provisionForEngines(row, { progress: opts.progress });
    for (const d of ENGINE_DESCRIPTORS) {
      const docker = d.docker && 'images' in d.docker ? d.docker : undefined;
      if (docker?.buildLocal) await record(() => docker.buildLocal!(row, { prov, progress: opts.progress }));
    }
  }
  return built;
}
