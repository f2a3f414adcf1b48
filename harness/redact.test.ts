import { describe, expect, it } from 'vitest';
import { redact } from './redact.ts';

describe('redact', () => {
  it('masks every occurrence of each secret, and ignores values too short to be secrets', () => {
    expect(redact('token=abcdef123 and again abcdef123', ['abcdef123'])).toBe('token=*** and again ***');
    expect(redact('id 42', ['42', undefined])).toBe('id 42');
  });
});
