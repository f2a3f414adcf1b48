import { z } from 'zod';

/** A string that must compile as a JavaScript regular expression; checked when loading. */
export const RegexString = z.string().superRefine((source, ctx) => {
  try {
    new RegExp(source);
  } catch (err) {
    ctx.addIssue({
      code: 'custom',
      message: `not a valid regular expression: ${(err as Error).message}`,
      params: { problem: 'BAD_REGEX' },
    });
  }
});
