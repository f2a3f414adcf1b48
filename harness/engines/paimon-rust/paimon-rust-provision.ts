import { pinOf, type PaimonVersionRow } from '../../provisioning/index.ts';
import { PAIMON_RUST_PINS } from './paimon-rust-versions.ts';

/** pypaimon-rust of the row (no Python dependencies of its own: it shares pypaimon's pyarrow). */
export async function paimonRustPackages(row: PaimonVersionRow): Promise<string[] | { unavailable: string }> {
  const pin = pinOf(PAIMON_RUST_PINS, row);
  if (pin === undefined) return { unavailable: `no pypaimon-rust release is pinned for Paimon ${row.paimon}` };
  return typeof pin === 'string' ? [`pypaimon-rust==${pin}`] : pin;
}
