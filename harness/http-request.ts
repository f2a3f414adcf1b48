/**
 * undici's `request`, loaded on the first call: commands that send no request (validate, list)
 * start without it. Every HTTP client of the harness uses this one.
 */
export const request: typeof import('undici').request = async (...args) => (await import('undici')).request(...args);
