// One-off: start the reference catalog by hand (a "vendor's" catalog) and keep it until stdin closes.
import { join } from 'node:path';
import { startReferenceCatalog } from './harness/environment/local/index.ts';
import { provision, versionRow } from './harness/provisioning/index.ts';
const prov = await provision(versionRow(undefined)!, { progress: () => {}, engines: ['pypaimon'] });
const catalog = await startReferenceCatalog({ java: prov.java, classpath: prov.catalogClasspath, dataPath: '/tmp/ext/warehouse', log: join('/tmp/ext', 'catalog.log'), auth: { provider: 'bear', token: 'external-check-token-123456' } });
console.log(`URI ${catalog.endpoint.uri}`);
process.stdin.resume();
process.stdin.on('end', async () => { await catalog.process.stop(); process.exit(0); });
