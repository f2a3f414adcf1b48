import { describe, expect, it } from 'vitest';
import { CONTAINER_IMAGES, IN_CONTAINER, ReferenceCatalogContainer } from './index.ts';
import { PAIMON_VERSIONS, releaseOf } from '../harness/provisioning/index.ts';

const wh = '/tmp/pi-run/warehouse';

describe('container definitions (no Docker engine needed)', () => {
  it('pins images for every Paimon release of the version table, official and built here', () => {
    expect(Object.keys(CONTAINER_IMAGES).sort()).toEqual([...new Set(PAIMON_VERSIONS.map(releaseOf))].sort());
    for (const bySource of Object.values(CONTAINER_IMAGES)) {
      for (const image of Object.values(bySource.official)) expect(image).toMatch(/^[a-z0-9./-]+:[A-Za-z0-9._-]+$/);
      expect(bySource.local.jdk).toBe('paimon-interop/jdk:17');
    }
  });

  it('runs the reference catalog with the local launcher on all interfaces, without stdin, token as a secret', () => {
    const c = new ReferenceCatalogContainer('eclipse-temurin:17-jre', { classes: '/cache/classes', jars: '/cache/jars' }, wh).withToken(
      'tok-123456',
    );
    const d = c.definition;
    expect(d.command.slice(0, 5)).toEqual(['java', '-Xmx1g', '-cp', `${IN_CONTAINER}/classes:${IN_CONTAINER}/jars/*`, 'CatalogLauncher']);
    expect(d.command.join(' ')).toContain(
      `--data-path ${wh} --warehouse paimon_interop --host 0.0.0.0 --port 8181 --admin-port 8182 --watch-stdin false --auth bear`,
    );
    expect(d.ports).toEqual([8181, 8182]);
    expect(d.networkAliases).toEqual(['catalog']);
    expect(d.binds).toEqual([{ source: wh, target: wh }]);
    expect(d.copies.map((x) => x.target)).toEqual([`${IN_CONTAINER}/classes`, `${IN_CONTAINER}/jars`]);
    expect(d.secretEnv).toContain('PAIMON_INTEROP_CATALOG_TOKEN');
    expect(d.command.join(' ')).not.toContain('tok-123456');
    expect(d.wait).toMatchObject({ describe: 'log line PAIMON_INTEROP_READY', timeoutMs: 120_000 });
  });
});
