import type { DockerEngineContext } from '../engine-descriptor.ts';
import type { PaimonVersionRow } from '../../provisioning/index.ts';
import { FlinkContainer } from './flink-container.ts';
import { provisionFlink } from './flink-provision.ts';
import { flinkImage } from './flink-versions.ts';

/** Flink on docker: the official image (JobManager, TaskManager, SQL Gateway) with Paimon's connector from the cache copied into lib/. */
export async function startFlinkDocker(ctx: DockerEngineContext, row: PaimonVersionRow) {
  const install = await provisionFlink(row, { python: ctx.prov.python, progress: ctx.progress });
  const image = flinkImage(row, ctx.images);
  if ('unavailable' in install || !image)
    return { unavailable: 'unavailable' in install ? install.unavailable : `no Flink is pinned for Paimon ${row.paimon}` };
  ctx.progress(`flink: starting ${image} (JobManager, TaskManager, SQL Gateway) with ${install.connector}`);
  const flink = await new FlinkContainer(image, install.extraJars, ctx.mounts).withNetwork(ctx.network).start();
  return { endpoint: flink.endpoint(ctx.networkCatalogUri), stop: () => flink.stop() };
}
