import type { ErrorClass } from './engine.ts';

/**
 * Maps an engine's exception class and message to a canonical error class. First match wins,
 * so the specific (no-permission) comes before the generic (not found).
 */
const RULES: [ErrorClass, RegExp][] = [
  ['permission-denied', /NoPermission|Forbidden|AccessDenied|doesn't have privilege|permission denied|\b403\b/i],
  ['unauthenticated', /NotAuthorized|Not authorized|Unauthorized|unauthenticated|\b401\b/i],
  ['already-exists', /AlreadyExist|already exists|\b409\b/i],
  ['not-found', /NotExist|NotFound|NoSuch|does not exist|doesn't exist|not found|cannot be found|\b404\b/i],
  ['unsupported', /Unsupported|not (yet )?supported|not implemented|NotImplemented/i],
  ['invalid-argument', /IllegalArgument|InvalidArgument|ValueError|invalid|must be|should be/i],
];

export function classifyError(exception: string | undefined, message: string): ErrorClass {
  const text = `${exception ?? ''} ${message}`;
  for (const [cls, pattern] of RULES) if (pattern.test(text)) return cls;
  return 'engine-error';
}
