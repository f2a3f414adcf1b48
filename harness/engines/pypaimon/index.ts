export { pypaimonDescriptor } from './pypaimon-engine.ts';
export { pypaimonRelease } from './pypaimon-provision.ts';
