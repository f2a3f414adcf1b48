import type { DockerEngineContext } from '../engine-descriptor.ts';
import { DorisContainer } from './doris-container.ts';
import { DORIS_IMAGES } from './doris-images.ts';

/** Doris on docker: FE and BE from the official images; Doris reaches the catalog by its network alias, not by the host's mapped port. */
export async function startDorisDocker(ctx: DockerEngineContext) {
  // No local build replaces Doris: its FE and BE come only as the project's own images.
  if (ctx.images === 'local')
    return {
      unavailable: `needs its official images (${DORIS_IMAGES.join(', ')}); no local build replaces them: use --images official where a registry answers, or --env external with a Doris FE`,
    };
  const [fe, be] = DORIS_IMAGES;
  ctx.progress(`doris: starting ${fe} and ${be}`);
  const doris = await new DorisContainer(fe, be, ctx.mounts[0]!).withNetwork(ctx.network).start();
  return { endpoint: { ...doris.endpoint(), options: { catalogUri: ctx.networkCatalogUri } }, stop: () => doris.stop() };
}
