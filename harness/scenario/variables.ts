const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** A string that is exactly one `${variable}`: `on: ${writer}`, `time-zone: ${zone}`, `partition-keys: ['${key}']`. */
export const WHOLE_VARIABLE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/** The variable a string is exactly, if it is one. */
export const wholeVariable = (text: string): string | undefined => WHOLE_VARIABLE.exec(text)?.[1];

/** Names of every `${var}` in a string. */
export function variablesIn(text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((m) => m[1]!);
}

type Value = string | number | boolean;

/**
 * Substitutes known variables in every string of a value, leaving unknown ones for a later
 * stage (matrix parameters first, runtime variables like ${db} at run time). A string that is
 * exactly one variable takes the variable's own type, so `[${precision}]` stays a number.
 */
export function interpolate<T>(value: T, vars: Record<string, Value>): T {
  if (typeof value === 'string') {
    const whole = wholeVariable(value);
    if (whole !== undefined && whole in vars) return vars[whole] as T;
    return value.replace(VARIABLE, (m, name: string) => (name in vars ? String(vars[name]) : m)) as T;
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, vars)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[interpolate(k, vars)] = interpolate(v, vars);
    return out as T;
  }
  return value;
}

/** Visits every string in a value with its path, for located checks. */
export function eachString(value: unknown, path: PropertyKey[], visit: (s: string, path: PropertyKey[]) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => eachString(v, [...path, i], visit));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) eachString(v, [...path, k], visit);
  }
}
