import type { EnginePins } from '../../provisioning/index.ts';

/**
 * paimon-rust's Python package (`pypaimon-rust`: the Rust implementation with its DataFusion SQL),
 * installed beside pypaimon. It is released on its own 0.x line, not per Paimon release: each row
 * pins the newest release that speaks that row's REST catalog, so a run is reproducible and an
 * upgrade of the Rust side is a deliberate change of this table.
 */
export const PAIMON_RUST_PINS: EnginePins<string | { unavailable: string }> = {
  '2.0.0': '0.4.0',
  '2.0.0+pypaimon-2.1.0': '0.4.0',
  '1.4.2': '0.4.0',
  '1.3.1': '0.4.0',
  '1.2.0': '0.4.0',
  '1.1.1': '0.4.0',
};
