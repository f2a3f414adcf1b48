import { describe, expect, it } from 'vitest';
import { CONTAINER_IMAGES, FlinkContainer, DorisContainer, IN_CONTAINER, ReferenceCatalogContainer, ShowBackendsWaitStrategy } from './index.ts';
import { GATEWAY_TIME_ZONE } from '../harness/processes/index.ts';
import { PAIMON_VERSIONS, releaseOf } from '../harness/provisioning/index.ts';

const wh = '/tmp/pi-run/warehouse';

describe('container definitions (no Docker engine needed)', () => {
  it('pins images for every Paimon release of the version table', () => {
    expect(Object.keys(CONTAINER_IMAGES).sort()).toEqual([...new Set(PAIMON_VERSIONS.map(releaseOf))].sort());
    for (const images of Object.values(CONTAINER_IMAGES)) {
      for (const image of Object.values(images)) expect(image).toMatch(/^[a-z0-9./-]+:[A-Za-z0-9._-]+$/);
    }
  });

  it('runs the reference catalog with the local launcher on all interfaces, without stdin, token as a secret', () => {
    const c = new ReferenceCatalogContainer('eclipse-temurin:17-jre', { classes: '/cache/classes', jars: '/cache/jars' }, wh).withToken('tok-123456');
    const d = c.definition;
    expect(d.command.slice(0, 5)).toEqual(['java', '-Xmx1g', '-cp', `${IN_CONTAINER}/classes:${IN_CONTAINER}/jars/*`, 'CatalogLauncher']);
    expect(d.command.join(' ')).toContain(`--data-path ${wh} --warehouse paimon_interop --host 0.0.0.0 --port 8181 --watch-stdin false --auth bear`);
    expect(d.ports).toEqual([8181]);
    expect(d.networkAliases).toEqual(['catalog']);
    expect(d.binds).toEqual([{ source: wh, target: wh }]);
    expect(d.copies.map((x) => x.target)).toEqual([`${IN_CONTAINER}/classes`, `${IN_CONTAINER}/jars`]);
    expect(d.secretEnv).toContain('PAIMON_INTEROP_CATALOG_TOKEN');
    expect(d.command.join(' ')).not.toContain('tok-123456');
    expect(d.wait).toMatchObject({ describe: 'log line PAIMON_INTEROP_READY', timeoutMs: 120_000 });
  });

  it('runs Flink from the official image: JobManager, TaskManager and SQL Gateway by alias, with the connector in lib/', () => {
    const f = new FlinkContainer(CONTAINER_IMAGES['1.4.2']!.flink, ['/cache/flink-lib/paimon-flink-2.0-1.4.2.jar', '/cache/flink-lib/hadoop-client-api-3.3.6.jar'], [wh, '/tmp/scratch']);
    expect(f.jobmanager.command).toEqual(['jobmanager']);
    expect(f.taskmanager.command).toEqual(['taskmanager']);
    expect(f.sqlGateway.command).toEqual(['/opt/flink/bin/sql-gateway.sh', 'start-foreground']);
    expect([f.jobmanager, f.taskmanager, f.sqlGateway].map((s) => s.networkAliases[0])).toEqual(['flink-jobmanager', 'flink-taskmanager', 'flink-sql-gateway']);
    for (const spec of [f.jobmanager, f.taskmanager, f.sqlGateway]) {
      expect(spec.env.FLINK_PROPERTIES).toContain('jobmanager.rpc.address: flink-jobmanager');
      expect(spec.env.TZ).toBe(GATEWAY_TIME_ZONE);
      expect(spec.copies.map((c) => c.target)).toEqual(['/opt/flink/lib/paimon-flink-2.0-1.4.2.jar', '/opt/flink/lib/hadoop-client-api-3.3.6.jar']);
      expect(spec.binds).toEqual([{ source: wh, target: wh }, { source: '/tmp/scratch', target: '/tmp/scratch' }]);
    }
    expect(f.sqlGateway.env.FLINK_PROPERTIES).toContain('sql-gateway.endpoint.rest.address: 0.0.0.0');
    expect(f.sqlGateway.ports).toEqual([8083]);
    expect(f.sqlGateway.wait.describe).toBe('GET /v1/info answers');
    expect(f.jobmanager.wait.describe).toBe('GET /overview answers');
  });

  it('refuses to start Flink without a network, before touching Docker', async () => {
    await expect(new FlinkContainer('flink:2.0.0-scala_2.12-java17', [], [wh]).start()).rejects.toThrow(/withNetwork/);
  });

  it('wires Doris FE and BE by network alias and waits for an alive backend', () => {
    const d = new DorisContainer('apache/doris:fe-3.1.2', 'apache/doris:be-3.1.2', wh);
    expect(d.fe.networkAliases).toEqual(['doris-fe']);
    expect(d.be.networkAliases).toEqual(['doris-be']);
    expect(d.fe.ports).toContain(9030);
    expect(d.be.env).toMatchObject({ FE_SERVERS: 'fe1:doris-fe:9010', BE_ADDR: 'doris-be:9050' });
    expect(d.be.binds).toEqual([{ source: wh, target: wh }]);
    expect(d.fe.wait.describe).toBe('an alive backend in SHOW BACKENDS');
    expect(d.fe.wait.strategy()).toBeInstanceOf(ShowBackendsWaitStrategy);
  });

  it('refuses to start Doris without a network, before touching Docker', async () => {
    await expect(new DorisContainer('a:1', 'b:1', wh).start()).rejects.toThrow(/needs withNetwork/);
  });
});
