export { dorisDescriptor, openMysql, queryOutcome } from './doris-engine.ts';
