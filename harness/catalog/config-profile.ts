import { request } from '../http-request.ts';

/**
 * A scenario's catalog configuration (`catalog-config`): what GET /v1/config answers its clients
 * on top of the catalog's own answer.
 */
export interface ConfigProfile {
  defaults?: Record<string, string>;
  overrides?: Record<string, string>;
}

/** A wire proxy's own routes: its address and the token they ask for. */
interface ProxyRoutes {
  url: string;
  token: string;
}

export const CONFIG_PROFILES_PATH = '/__paimon_interop/config-profiles';

/**
 * The catalog's GET /v1/config answer with a profile merged in: its `defaults` and `overrides`
 * each extended (a profile key replaces the catalog's). An answer that is not a JSON object is
 * passed on unchanged, so a broken catalog stays visible as it is.
 */
export function mergeConfigAnswer(text: string, profile: ConfigProfile): string {
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    return text;
  }
  if (answer === null || typeof answer !== 'object' || Array.isArray(answer)) return text;
  const a = answer as { defaults?: Record<string, string>; overrides?: Record<string, string> };
  return JSON.stringify({
    ...a,
    defaults: { ...(a.defaults ?? {}), ...(profile.defaults ?? {}) },
    overrides: { ...(a.overrides ?? {}), ...(profile.overrides ?? {}) },
  });
}

/**
 * Opens a profile for a scenario's database on a wire proxy (in whatever process runs it): the
 * address of the scenario's own, where clients reach the catalog with that configuration.
 */
export async function openConfigProfile(endpoint: ProxyRoutes, database: string, profile: ConfigProfile): Promise<string> {
  const url = new URL(`${CONFIG_PROFILES_PATH.slice(1)}?database=${encodeURIComponent(database)}`, endpoint.url);
  const res = await request(url, { method: 'POST', headers: { 'x-trace-token': endpoint.token, 'content-type': 'application/json' }, body: JSON.stringify(profile), headersTimeout: 10_000, bodyTimeout: 10_000 });
  if (res.statusCode !== 200) {
    await res.body.dump();
    throw new Error(`the wire proxy refused the scenario's catalog configuration (HTTP ${res.statusCode})`);
  }
  return ((await res.body.json()) as { url: string }).url;
}

/** Closes the scenario's profile address (its scenario ended). */
export async function closeConfigProfile(endpoint: ProxyRoutes, database: string): Promise<void> {
  const url = new URL(`${CONFIG_PROFILES_PATH.slice(1)}?database=${encodeURIComponent(database)}`, endpoint.url);
  const res = await request(url, { method: 'DELETE', headers: { 'x-trace-token': endpoint.token }, headersTimeout: 10_000, bodyTimeout: 10_000 });
  await res.body.dump();
}
