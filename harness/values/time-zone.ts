import type { CanonicalResult, CanonicalValue } from './canonical-value.ts';

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?$/;

/** The offset of `zone` from UTC at an instant, in milliseconds (the platform's time zone database). */
function offsetMs(epochMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    era: 'short',
  }).formatToParts(new Date(epochMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const year = parts.find((p) => p.type === 'era')?.value === 'BC' ? 1 - get('year') : get('year');
  const local = new Date(0);
  local.setUTCFullYear(year, get('month') - 1, get('day'));
  local.setUTCHours(get('hour'), get('minute'), get('second'), 0);
  return local.getTime() - Math.floor(epochMs / 1000) * 1000;
}

function parseWallClock(text: string): { ms: number; fraction: string } | undefined {
  const m = WALL_CLOCK.exec(text);
  if (!m) return undefined;
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  d.setUTCHours(Number(m[4]), Number(m[5]), Number(m[6]), 0);
  return { ms: d.getTime(), fraction: m[7] ?? '' };
}

function formatUtc(ms: number, fraction: string): string {
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${fraction}`;
}

/**
 * The UTC instant of a wall-clock time in `zone`, as `YYYY-MM-DD HH:MM:SS[.f…]` with the same
 * fraction. As java.time resolves local times: in an overlap (a fall-back hour) the earlier
 * instant, in a gap (a spring-forward hour) the time pushed forward by the gap's length.
 * Text that is not a wall-clock time is returned as it is.
 */
export function wallClockToUtc(text: string, zone: string): string {
  const local = parseWallClock(text);
  if (!local || zone === 'UTC') return text;
  const candidates = [offsetMs(local.ms - 86_400_000, zone), offsetMs(local.ms + 86_400_000, zone)];
  const valid = candidates.filter((o) => offsetMs(local.ms - o, zone) === o);
  const offset = valid.length ? Math.max(...valid) : candidates[0]!;
  return formatUtc(local.ms - offset, local.fraction);
}

/** The wall-clock time in `zone` of a UTC instant written `YYYY-MM-DD HH:MM:SS[.f…]`. */
export function utcToWallClock(text: string, zone: string): string {
  const utc = parseWallClock(text);
  if (!utc || zone === 'UTC') return text;
  return formatUtc(utc.ms + offsetMs(utc.ms, zone), utc.fraction);
}

/**
 * A result whose TIMESTAMP_LTZ values an engine rendered in its session zone (SQL engines show an
 * instant as local time), with those values as UTC instants: the one form every reader is
 * compared in. Other columns are untouched; nested values are left as rendered.
 */
export function ltzValuesToUtc(result: CanonicalResult, zone: string | undefined): CanonicalResult {
  if (!zone || zone === 'UTC') return result;
  const ltz = result.columns.map((c) => c.type.kind === 'timestamp_ltz');
  if (!ltz.includes(true)) return result;
  const convert = (v: CanonicalValue, i: number): CanonicalValue => (ltz[i] && typeof v === 'string' ? wallClockToUtc(v, zone) : v);
  return { ...result, rows: result.rows.map((r) => r.map(convert)) };
}
