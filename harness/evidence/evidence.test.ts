import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { digestPythonStacks, digestThreadDump, processTree, unanswerableState } from './index.ts';

// Shortened samples of what jcmd Thread.print and faulthandler print (real dumps are longer).
const JVM_DUMP = `2026-12-05 13:40:38
Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1 mixed mode, sharing):

"main" #1 prio=5 os_prio=0 cpu=412.11ms elapsed=38.20s tid=0x00007f7e58024800 nid=0x2b0f runnable  [0x00007f7e5f7fe000]
   java.lang.Thread.State: RUNNABLE
	at java.io.FileInputStream.readBytes(java.base@17.0.15/Native Method)
	at java.io.FileInputStream.read(java.base@17.0.15/FileInputStream.java:276)
	at JavaGateway.main(JavaGateway.java:88)

"pool-1-thread-3" #31 prio=5 os_prio=0 cpu=90.52ms elapsed=20.10s tid=0x00007f7e0c006000 nid=0x2b4a runnable  [0x00007f7e2b5fd000]
   java.lang.Thread.State: RUNNABLE
	at sun.nio.ch.Net.poll(java.base@17.0.15/Native Method)
	at org.apache.paimon.shade.hc.core5.http.impl.io.SessionInputBufferImpl.fillBuffer(SessionInputBufferImpl.java:149)
	at org.apache.paimon.rest.HttpClient.exec(HttpClient.java:129)
	at org.apache.paimon.rest.RESTApi.loadSnapshot(RESTApi.java:534)
	at JavaGateway.handle(JavaGateway.java:140)

"Reference Handler" #2 daemon prio=10 os_prio=0 cpu=0.21ms elapsed=38.19s tid=0x00007f7e580a0000 nid=0x2b12 waiting on condition  [0x00007f7e3c8fe000]
   java.lang.Thread.State: RUNNABLE
	at java.lang.ref.Reference.waitForReferencePendingList(java.base@17.0.15/Native Method)
`;

const PY_STACKS = `Thread 0x00007f3c2ce286c0 (most recent call first):
  File "/usr/lib/python3.11/socket.py", line 706 in readinto
  File "/venv/lib/python3.11/site-packages/requests/sessions.py", line 651 in request
  File "/venv/lib/python3.11/site-packages/pypaimon/api/rest_api.py", line 272 in get_table
  File "/work/harness/gateways/pypaimon_gateway.py", line 342 in execute
  File "/work/harness/gateways/gateway_server.py", line 58 in handle
  File "/work/harness/gateways/gateway_server.py", line 117 in do_POST
  File "/usr/lib/python3.11/threading.py", line 1002 in _bootstrap

Thread 0x00007f3c2d6296c0 (most recent call first):
  File "/work/harness/gateways/gateway_server.py", line 31 in _watch_parent

Current thread 0x00007f3c4e604b80 (most recent call first):
  File "/usr/lib/python3.11/selectors.py", line 415 in select
  File "/work/harness/gateways/gateway_server.py", line 126 in serve
`;

describe('hang evidence digests', () => {
  it("a thread dump names the threads in Paimon's code by state and place, not the gateway's stdin watch", () => {
    expect(digestThreadDump(JVM_DUMP)).toEqual([
      "3 threads, 1 in Paimon's or the harness's code",
      '1 thread(s) RUNNABLE in sun.nio.ch.Net.poll ← paimon.rest.HttpClient.exec',
    ]);
  });

  it('a dump with no such thread says so', () => {
    expect(digestThreadDump('"main" #1\n   java.lang.Thread.State: WAITING\n\tat java.lang.Object.wait(Native Method)\n')).toEqual([
      "1 threads, none in Paimon's or the harness's code",
    ]);
  });

  it("Python stacks name the request threads: where they are, the engine library's frame and the gateway's", () => {
    expect(digestPythonStacks(PY_STACKS)).toEqual([
      '3 threads, 1 serving a request',
      '1 request thread(s) in socket.py:706 in readinto ← pypaimon/api/rest_api.py:272 in get_table ← pypaimon_gateway.py:342 in execute',
    ]);
  });
});

describe('processes as /proc shows them', () => {
  it('finds a child under its parent, and a stopped one is named as unable to answer', async () => {
    const child = spawn('sleep', ['30']);
    try {
      const tree = await processTree(process.pid);
      expect(tree[0]!.pid).toBe(process.pid);
      expect(tree.find((p) => p.pid === child.pid)).toMatchObject({ comm: 'sleep', ppid: process.pid });
      process.kill(child.pid!, 'SIGSTOP');
      await new Promise((r) => setTimeout(r, 200));
      const stopped = (await processTree(child.pid!))[0]!;
      expect(unanswerableState(stopped.state)).toMatch(/stopped/);
      expect(unanswerableState('S')).toBeUndefined();
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('a process that is gone has no tree', async () => {
    expect(await processTree(2 ** 22 + 1)).toEqual([]);
  });
});
