import { spawn } from 'node:child_process';
import { getContainerRuntimeClient, getReaper, LABEL_TESTCONTAINERS_SESSION_ID } from 'testcontainers';

/**
 * Without testcontainers' resource reaper (its image comes from a registry), a process of our own
 * removes the session's containers and networks once the harness is gone, however it ends:
 * normal end, Ctrl-C or SIGKILL. It is detached (its own process group), so a signal to the
 * harness's group does not take it along. Returns the session's label.
 */
export async function startCleanupWatchdog(): Promise<string> {
  process.env.TESTCONTAINERS_RYUK_DISABLED = 'true';
  const reaper = await getReaper(await getContainerRuntimeClient());
  const label = `${LABEL_TESTCONTAINERS_SESSION_ID}=${reaper.sessionId}`;
  const script = [
    `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done`,
    `ids=$(docker ps -aq --filter label=${label}); [ -n "$ids" ] && docker rm -f -v $ids`,
    `nets=$(docker network ls -q --filter label=${label}); [ -n "$nets" ] && docker network rm $nets`,
    'true',
  ].join('; ');
  const watchdog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watchdog.unref();
  return label;
}
