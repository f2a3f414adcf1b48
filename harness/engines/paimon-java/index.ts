export { paimonJavaDescriptor } from './paimon-java-engine.ts';
