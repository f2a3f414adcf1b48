import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { ManagedProcess } from '../harness/processes/index.ts';

const run = promisify(execFile);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * PROTOCOL STAND-IN, not Doris: a MariaDB server from Debian's packages, started for a test, so
 * the Doris adapter's MySQL-protocol plumbing, type mapping and error mapping run against a
 * real server. It checks the adapter, never Doris itself (`.ci/run` installs mariadb-server).
 */
export async function startMariaDbStandIn(dir: string): Promise<{ url: string; password: string; pid: number; stop: () => Promise<void> }> {
  // Debian puts mariadbd in /usr/sbin, which a non-root PATH often lacks.
  if (!(process.env.PATH ?? '').split(':').includes('/usr/sbin')) process.env.PATH = `${process.env.PATH}:/usr/sbin`;
  const found = await run('which', ['mariadbd', 'mariadb-install-db']).catch(() => undefined);
  if (!found)
    throw new Error(
      "the MariaDB protocol stand-in needs mariadb-server (Debian: apt-get install mariadb-server); npm test's pretest installs it",
    );
  const data = join(dir, 'data');
  await mkdir(data, { recursive: true });
  await run('mariadb-install-db', [
    '--no-defaults',
    `--datadir=${data}`,
    '--user=root',
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
  ]);
  const port = await freePort();
  const socket = join(dir, 'mariadb.sock');
  const { process: server } = await ManagedProcess.start({
    component: 'mariadb-stand-in',
    command: 'mariadbd',
    args: [
      '--no-defaults',
      `--datadir=${data}`,
      `--socket=${socket}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      '--user=root',
      '--skip-name-resolve',
      `--pid-file=${join(dir, 'mariadb.pid')}`,
    ],
    log: join(dir, 'mariadb.log'),
    readyPrefix: 'PAIMON_INTEROP_NEVER',
    readyOnStderr: 'ready for connections',
    timeoutMs: 60_000,
  });
  const password = 'stand-in-password-123';
  const root = await createConnection({ socketPath: socket, user: 'root' });
  await root.query(`CREATE USER 'pi'@'127.0.0.1' IDENTIFIED BY '${password}'`);
  await root.query('CREATE DATABASE pi_stand_in');
  await root.query(`GRANT ALL ON pi_stand_in.* TO 'pi'@'127.0.0.1'`);
  await root.end();
  return { url: `mysql://pi@127.0.0.1:${port}/pi_stand_in`, password, pid: server.pid!, stop: () => server.stop() };
}
