import type { DockerEngine } from '../engine-descriptor.ts';
import { DorisContainer } from './doris-container.ts';

const FE_IMAGE = 'apache/doris:fe-3.1.2';
const BE_IMAGE = 'apache/doris:be-3.1.2';

/** Doris on docker: FE and BE from the official images; Doris reaches the catalog by its network alias, not by the host's mapped port. */
export const dorisDocker: DockerEngine = {
  images: () => [FE_IMAGE, BE_IMAGE],
  async start(ctx) {
    ctx.progress(`doris: starting ${FE_IMAGE} and ${BE_IMAGE}`);
    const doris = await new DorisContainer(FE_IMAGE, BE_IMAGE, ctx.mounts[0]!).withNetwork(ctx.network).start();
    return { endpoint: { ...doris.endpoint(), options: { catalogUri: ctx.networkCatalogUri } }, stop: () => doris.stop() };
  },
};
