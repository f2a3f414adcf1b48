import { describe, expect, it } from 'vitest';
import { GATEWAY_TIME_ZONE } from '../../processes/index.ts';
import { versionRow } from '../../provisioning/index.ts';
import { FlinkContainer } from './flink-container.ts';
import { flinkImage } from './flink-versions.ts';

const wh = '/tmp/pi-run/warehouse';

describe('the Flink containers (no Docker engine needed)', () => {
  it('runs Flink from the official image: JobManager, TaskManager and SQL Gateway by alias, with the connector in lib/', () => {
    const f = new FlinkContainer(
      flinkImage(versionRow('1.4.2')!)!,
      ['/cache/flink-lib/paimon-flink-2.0-1.4.2.jar', '/cache/flink-lib/hadoop-client-api-3.3.6.jar'],
      [wh, '/tmp/scratch'],
    );
    expect(f.jobmanager.command).toEqual(['jobmanager']);
    expect(f.taskmanager.command).toEqual(['taskmanager']);
    expect(f.sqlGateway.command).toEqual(['/opt/flink/bin/sql-gateway.sh', 'start-foreground']);
    expect([f.jobmanager, f.taskmanager, f.sqlGateway].map((s) => s.networkAliases[0])).toEqual([
      'flink-jobmanager',
      'flink-taskmanager',
      'flink-sql-gateway',
    ]);
    for (const spec of [f.jobmanager, f.taskmanager, f.sqlGateway]) {
      expect(spec.env.FLINK_PROPERTIES).toContain('jobmanager.rpc.address: flink-jobmanager');
      expect(spec.env.TZ).toBe(GATEWAY_TIME_ZONE);
      expect(spec.copies.map((c) => c.target)).toEqual([
        '/opt/flink/lib/paimon-flink-2.0-1.4.2.jar',
        '/opt/flink/lib/hadoop-client-api-3.3.6.jar',
      ]);
      expect(spec.binds).toEqual([
        { source: wh, target: wh },
        { source: '/tmp/scratch', target: '/tmp/scratch' },
      ]);
    }
    expect(f.sqlGateway.env.FLINK_PROPERTIES).toContain('sql-gateway.endpoint.rest.address: 0.0.0.0');
    expect(f.sqlGateway.ports).toEqual([8083]);
    expect(f.sqlGateway.wait.describe).toBe('GET /v1/info answers');
    expect(f.jobmanager.wait.describe).toBe('GET /overview answers');
  });

  it('refuses to start Flink without a network, before touching Docker', async () => {
    await expect(new FlinkContainer('flink:2.0.0-scala_2.12-java17', [], [wh]).start()).rejects.toThrow(/withNetwork/);
  });
});
