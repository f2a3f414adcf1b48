export { sparkDescriptor } from './spark-engine.ts';
export { provisionSparkClient, type SparkInstall } from './spark-provision.ts';
export { startSparkConnect } from './spark-connect-server.ts';
export { sparkExternalClient } from './spark-local.ts';
