import { describe, expect, it } from 'vitest';
import { outsideRunPrefix, runStartedAt } from './run-prefix.ts';

describe('the run prefix guard', () => {
  it('lets reads through and changes inside pi_ databases', () => {
    expect(outsideRunPrefix('GET', '/v1/p/databases/sales/tables')).toBeUndefined();
    expect(outsideRunPrefix('POST', '/v1/p/databases', { name: 'pi_20261123t170855_867b_x', options: {} })).toBeUndefined();
    expect(outsideRunPrefix('DELETE', '/v1/p/databases/pi_20261123t170855_867b_x/tables/t')).toBeUndefined();
    expect(outsideRunPrefix('POST', '/v1/p/databases/pi_run_x/tables/t/commit')).toBeUndefined();
  });

  it('refuses to create, change or drop what lies outside, whatever names it', () => {
    expect(outsideRunPrefix('POST', '/v1/p/databases', { name: 'sales' })).toMatch(/database 'sales', outside the run prefix 'pi_'/);
    expect(outsideRunPrefix('POST', '/v1/p/databases/', { name: 'sales' })).toMatch(/'sales'/);
    expect(outsideRunPrefix('DELETE', '/v1/p/databases/sales')).toMatch(/DELETE \/v1\/p\/databases\/sales would change database 'sales'/);
    expect(outsideRunPrefix('delete', '/v1/p/databases/sales/tables/orders?x=1')).toBeDefined();
    expect(outsideRunPrefix('POST', '/v1/p/databases/sales%2Fx/tables')).toMatch(/'sales\/x'/);
    // A rename out of (or into) a foreign database is refused, by either side.
    expect(
      outsideRunPrefix('POST', '/v1/p/tables/rename', {
        source: { database: 'pi_a', object: 't' },
        destination: { database: 'sales', object: 't' },
      }),
    ).toMatch(/'sales'/);
    expect(
      outsideRunPrefix('POST', '/v1/p/tables/rename', {
        source: { database: 'pi_a', object: 't' },
        destination: { database: 'pi_a', object: 'u' },
      }),
    ).toBeUndefined();
    expect(outsideRunPrefix('POST', '/v1/p/databases/pizza/alter', {})).toMatch(/'pizza'/);
  });

  it("reads a run's start time from its databases' names, and nothing from other names", () => {
    expect(runStartedAt('pi_20261121t050912_ab12_writes_x1')?.toISOString()).toBe('2026-11-21T05:09:12.000Z');
    expect(runStartedAt('pi_20261121t050912_ab12')?.toISOString()).toBe('2026-11-21T05:09:12.000Z');
    for (const other of ['pi_e2e_rust_k3', 'pi_20261121t050912_ab12x', 'sales', 'pi_20261399t050912_ab12_x'])
      expect(runStartedAt(other)).toBeUndefined();
  });
});
