export { paimonRustDescriptor, paimonRustRequest } from './paimon-rust-engine.ts';
