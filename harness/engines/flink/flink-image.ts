import { chmod, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { imageStep, LOCAL_JDK_IMAGE } from '../../../containers/index.ts';
import type { PaimonVersionRow, Provisioned } from '../../provisioning/index.ts';
import { provisionFlink, type FlinkInstall } from './flink-provision.ts';

/**
 * What the official Flink image's entrypoint does that FlinkContainer relies on: the settings in
 * FLINK_PROPERTIES become the configuration (over defaults sized like the local cluster's, listening
 * on every interface), `jobmanager` and `taskmanager` start those in the foreground, anything else
 * runs as given (the SQL Gateway).
 */
const FLINK_ENTRYPOINT = `#!/bin/bash
set -e
CONF=/opt/flink/conf/config.yaml
defaults='jobmanager.bind-host: 0.0.0.0
taskmanager.bind-host: 0.0.0.0
rest.bind-address: 0.0.0.0
jobmanager.memory.process.size: 768m
taskmanager.memory.process.size: 1536m
taskmanager.memory.managed.size: 64m
taskmanager.memory.network.min: 192m
taskmanager.memory.network.max: 192m
taskmanager.network.sort-shuffle.min-buffers: 128
blob.server.port: 6124
taskmanager.rpc.port: 6122'
given="$FLINK_PROPERTIES"
if [ "$1" = taskmanager ]; then given="$given
taskmanager.host: $(hostname -i | awk '{print $1}')"; fi
{
  printf '%s\\n' "$given"
  printf '%s\\n' "$defaults" | while IFS= read -r line; do
    key="\${line%%:*}"
    printf '%s\\n' "$given" | grep -q "^\${key}:" || printf '%s\\n' "$line"
  done
} > "$CONF"
case "$1" in
  jobmanager) exec /opt/flink/bin/jobmanager.sh start-foreground ;;
  taskmanager) exec /opt/flink/bin/taskmanager.sh start-foreground ;;
  *) exec "$@" ;;
esac
`;

/**
 * A Flink image on the local JDK image with the distribution from the cache (PyPI's apache-flink
 * wheels and the SQL Gateway jar from Maven), started like the official one (FLINK_ENTRYPOINT).
 */
async function buildFlinkImage(install: FlinkInstall, progress: (m: string) => void): Promise<string> {
  // The distribution as PyPI's wheels hold it: bin/, Flink's own lib/ and conf/ beside each other; opt/ holds the SQL Gateway's jar.
  // The connector is not baked in: it is copied into lib/ per run, as with the official image.
  const home = dirname(install.binDir);
  const dist = {
    version: install.flinkVersion,
    binDir: install.binDir,
    libDir: join(home, 'lib'),
    optDir: install.optDir,
    confDir: join(home, 'conf'),
  };
  const image = `paimon-interop/flink:${dist.version}`;
  const context = await mkdtemp(join(tmpdir(), 'pi-flink-image-'));
  try {
    progress(`images: building ${image} from the cached Flink ${dist.version} distribution`);
    const flink = join(context, 'flink');
    for (const [from, to] of [
      [dist.binDir, 'bin'],
      [dist.libDir, 'lib'],
      [dist.optDir, 'opt'],
      [dist.confDir, 'conf'],
    ] as const) {
      await mkdir(join(flink, to), { recursive: true });
      // Links (the cache links jars into place) become files: the image holds no link into the host's cache.
      await cp(from, join(flink, to), { recursive: true, dereference: true, filter: (src) => !src.includes('__pycache__') });
    }
    await mkdir(join(flink, 'log'), { recursive: true });
    await writeFile(join(context, 'docker-entrypoint.sh'), FLINK_ENTRYPOINT);
    await chmod(join(context, 'docker-entrypoint.sh'), 0o755);
    await writeFile(
      join(context, 'Dockerfile'),
      [
        `FROM ${LOCAL_JDK_IMAGE}`,
        'COPY flink/ /opt/flink/',
        'COPY docker-entrypoint.sh /docker-entrypoint.sh',
        'RUN chmod +x /opt/flink/bin/*.sh /docker-entrypoint.sh',
        'ENV FLINK_HOME=/opt/flink PATH=/opt/flink/bin:$PATH',
        'WORKDIR /opt/flink',
        'ENTRYPOINT ["/docker-entrypoint.sh"]',
        '',
      ].join('\n'),
    );
    await imageStep('images', 'docker', ['build', '--network', 'none', '-t', image, context], progress);
    return image;
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}

/** `images build` for Flink: the row's distribution from the cache (provisioned first), as an image on the local JDK image. */
export async function buildLocalFlinkImage(
  row: PaimonVersionRow,
  ctx: { prov: Provisioned; progress: (message: string) => void },
): Promise<string[]> {
  const install = await provisionFlink(row, { python: ctx.prov.python, progress: ctx.progress });
  if ('unavailable' in install) {
    ctx.progress(`images: no Flink image for Paimon ${row.paimon}: ${install.unavailable}`);
    return [];
  }
  return [await buildFlinkImage(install, ctx.progress)];
}
