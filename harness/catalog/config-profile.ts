/**
 * A scenario's catalog configuration (`catalog-config`): what GET /v1/config answers its clients
 * on top of the catalog's own answer.
 */
export interface ConfigProfile {
  defaults?: Record<string, string>;
  overrides?: Record<string, string>;
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
