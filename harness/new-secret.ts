import { randomBytes } from 'node:crypto';

/** A random secret (bearer tokens, admin tokens, access keys) for processes the harness starts. */
export const newSecret = () => randomBytes(18).toString('base64url');
