import { describe, expect, it } from 'vitest';
import { withOrigin } from './vitest-interop-reporter.ts';

describe('withOrigin', () => {
  it('names the first harness frame of an unexpected error', () => {
    const stack = [
      "TypeError: Cannot read properties of null (reading 'startsWith')",
      '    at Array.filter (<anonymous>)',
      '    at file:///check/work/main/harness/vitest/interop.suite.ts:109:12',
      '    at runHook (file:///check/work/main/node_modules/@vitest/runner/dist/index.js:1:1)',
    ].join('\n');
    expect(withOrigin({ message: "Cannot read properties of null (reading 'startsWith')", stack })).toBe(
      "Cannot read properties of null (reading 'startsWith') (harness/vitest/interop.suite.ts:109:12)",
    );
  });

  it('keeps the message alone when no harness frame is on the stack', () => {
    expect(withOrigin({ message: 'boom', stack: 'Error: boom\n    at x (node:internal/y:1:1)' })).toBe('boom');
    expect(withOrigin({ message: 'boom' })).toBe('boom');
  });
});
