import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvironmentError } from '../environment-error.ts';
import { request } from '../http-request.ts';
import { logTail } from '../log-tail.ts';
import { GATEWAY_TIME_ZONE } from './engine-time-zone.ts';
import { ManagedProcess } from './managed-process.ts';

/** The harness's shared gateway library (gateway_server.py, arrow_values.py): every Python gateway imports from it. */
export const GATEWAY_LIBRARY = join(dirname(fileURLToPath(import.meta.url)), '..', 'gateways');

/**
 * How an engine's gateway process is started: a Python script (run with the row's venv, or an
 * interpreter of the engine's own), or a main class on the JVM with the catalog's class path.
 */
export type GatewayCommand = { python: string } | { jvmMainClass: string };

/** Where and with what a gateway process runs. */
export interface GatewayProcessSpec {
  /** The component name, for logs, errors and process listings. */
  component: string;
  command: GatewayCommand;
  /** The interpreter (a Python gateway) or JVM (a Java one) and the class path. */
  python: string;
  java: string;
  classpath: string;
  /** What the gateway reads from PAIMON_INTEROP_GATEWAY_CONFIG: the catalog's connection (credentials included) and the engine's own settings. */
  config: Record<string, unknown>;
  log: string;
}

/** The gateway's environment: its configuration (credentials included) travels here only. */
export function gatewayEnv(config: Record<string, unknown>): Record<string, string> {
  return {
    PAIMON_INTEROP_GATEWAY_CONFIG: JSON.stringify(config),
    PYTHONPATH: GATEWAY_LIBRARY,
    PYTHONUNBUFFERED: '1',
    TZ: GATEWAY_TIME_ZONE,
  };
}

/** The command line of a gateway process. */
export function gatewayCommandLine(spec: Pick<GatewayProcessSpec, 'command' | 'python' | 'java' | 'classpath'>): {
  command: string;
  args: string[];
} {
  if ('jvmMainClass' in spec.command)
    return {
      command: spec.java,
      args: ['-Xmx2g', `-Duser.timezone=${GATEWAY_TIME_ZONE}`, '-cp', spec.classpath, spec.command.jvmMainClass],
    };
  return { command: spec.python, args: [spec.command.python] };
}

/**
 * Starts a gateway process and pings it: its address and the version it reports. The catalog's
 * credentials travel in the child's environment only.
 */
export async function startGatewayProcess(spec: GatewayProcessSpec): Promise<{ process: ManagedProcess; url: string; version?: string }> {
  const gw = await ManagedProcess.start({
    component: spec.component,
    ...gatewayCommandLine(spec),
    cwd: GATEWAY_LIBRARY,
    env: gatewayEnv(spec.config),
    log: spec.log,
    readyPrefix: 'PAIMON_INTEROP_READY',
    pythonStacks: 'python' in spec.command,
    timeoutMs: 90_000,
  });
  const url = /gateway=(\S+)/.exec(gw.ready)![1]!;
  try {
    const res = await request(`${url}/ping`);
    const body = (await res.body.json()) as { version?: string };
    return { process: gw.process, url, version: body.version };
  } catch (err) {
    await gw.process.stop();
    throw new EnvironmentError(
      'ENV_START_FAILED',
      spec.component,
      `gateway ping failed: ${(err as Error).message}`,
      await logTail(spec.log),
    );
  }
}
