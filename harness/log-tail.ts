import { readFile } from 'node:fs/promises';

/** The last lines of a log file, or '' when there is none (for error messages and reports). */
export async function logTail(file: string | undefined, lines = 25): Promise<string> {
  if (!file) return '';
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').slice(-lines).join('\n').trim();
}
