import { request } from '../http-request.ts';

interface JobOverview {
  jid: string;
  name: string;
  state: string;
  'start-time': number;
  duration: number;
}

interface JobExceptions {
  'root-exception'?: string;
  exceptionHistory?: { entries?: { exceptionName?: string; stacktrace?: string }[] };
}

async function getJson<T>(url: string, timeoutMs: number): Promise<T> {
  const res = await request(url, { headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  if (res.statusCode !== 200) {
    await res.body.dump();
    throw new Error(`${url} answered ${res.statusCode}`);
  }
  return (await res.body.json()) as T;
}

/**
 * Flink's jobs as its REST API shows them (/jobs/overview) and the exceptions of those that
 * ran since the step started or still run (/jobs/:id/exceptions): the text to keep and a digest.
 */
export async function flinkJobs(restUrl: string, sinceMs: number, timeoutMs: number): Promise<{ text: string; digest: string[] }> {
  const { jobs } = await getJson<{ jobs: JobOverview[] }>(`${restUrl}/jobs/overview`, timeoutMs);
  // Running jobs first (a hang is one of them), then the newest that started during the step.
  const recent = jobs
    .filter((j) => j.state === 'RUNNING' || j['start-time'] >= sinceMs - 5_000)
    .sort((a, b) => Number(b.state === 'RUNNING') - Number(a.state === 'RUNNING') || b['start-time'] - a['start-time'])
    .slice(0, 5);
  const exceptions = await Promise.all(
    recent.map((j) =>
      getJson<JobExceptions>(`${restUrl}/jobs/${j.jid}/exceptions`, timeoutMs).catch((err: Error) => ({ error: err.message })),
    ),
  );
  const firstLine = (e: JobExceptions | { error: string }) => {
    if ('error' in e) return `(exceptions unavailable: ${e.error})`;
    const entry = e.exceptionHistory?.entries?.[0];
    const text = entry?.stacktrace ?? e['root-exception'];
    return text ? text.split('\n')[0]!.slice(0, 300) : undefined;
  };
  const digest = [
    `flink: ${jobs.length} job(s), ${jobs.filter((j) => j.state === 'RUNNING').length} running`,
    ...recent.map((j, i) => {
      const ex = firstLine(exceptions[i]!);
      return `flink job "${j.name.slice(0, 80)}" ${j.state} for ${Math.round(j.duration / 1000)} s${ex ? `; exception: ${ex}` : ''}`;
    }),
  ];
  const text = JSON.stringify({ restUrl, jobs, exceptions: Object.fromEntries(recent.map((j, i) => [j.jid, exceptions[i]])) }, null, 2);
  return { text, digest };
}
