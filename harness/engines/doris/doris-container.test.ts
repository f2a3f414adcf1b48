import { describe, expect, it } from 'vitest';
import { DorisContainer } from './doris-container.ts';
import { ShowBackendsWaitStrategy } from './show-backends-wait-strategy.ts';

const wh = '/tmp/pi-run/warehouse';

describe('the Doris containers (no Docker engine needed)', () => {
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
