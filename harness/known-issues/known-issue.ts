import { z } from 'zod';

/**
 * One known deviation: an engine that disagrees with a documented rule, recorded with its
 * evidence instead of editing the expectation. The expectation stays; the report shows it.
 */
export const KnownIssueSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case kebab-case'),
  scenario: z.string().describe('scenario name (every matrix cell) or full instance id'),
  step: z.string().optional().describe('step name; default: any step'),
  engine: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional().describe('only these matrix cells'),
  signature: z.string().optional().describe('regular expression the failure text must match'),
  reason: z.string().min(1),
  evidence: z.string().optional().describe('what the engine actually did'),
  link: z.string().optional(),
  expires: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe('after this date the entry no longer applies'),
});

export const KnownIssuesFileSchema = z.strictObject({ deviations: z.array(KnownIssueSchema) });

export type KnownIssue = z.infer<typeof KnownIssueSchema>;
