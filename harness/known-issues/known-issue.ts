import { z } from 'zod';
import { RegexString } from '../scenario/index.ts';

/**
 * One known deviation: an engine that disagrees with a documented rule, recorded with its
 * evidence instead of editing the expectation. The expectation stays; the report shows it.
 */
const Scalar = z.union([z.string(), z.number(), z.boolean()]);
const OneOrMore = <T extends z.ZodType>(t: T) => z.union([t, z.array(t).min(1)]);

const KnownIssueSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case kebab-case'),
  scenario: OneOrMore(z.string())
    .optional()
    .describe('scenario name(s) (every matrix cell) or full instance id(s); default: every scenario (an entry needs `scenario` or `kind`)'),
  step: OneOrMore(z.string()).optional().describe('step name(s); default: any step'),
  kind: OneOrMore(z.string()).optional().describe('step kind(s) (insert, create-table, read, ...); default: any kind'),
  engine: OneOrMore(z.string()).describe('the engine(s) that deviate'),
  params: z.record(z.string(), OneOrMore(Scalar)).optional().describe('only these matrix cells; a list matches any of its values'),
  paimon: z
    .string()
    .optional()
    .describe('Paimon versions (of the reading cell) the entry applies to, a semver range such as "<1.4" or ">=1.3 <2"'),
  writer: z
    .string()
    .optional()
    .describe('Paimon versions of the writing clients the entry applies to (a cross cell A>B: A; a plain cell: its own), a semver range'),
  'catalog-paimon': z
    .string()
    .optional()
    .describe("Paimon versions of the catalog server the entry applies to (a cell's --catalog-paimon, else its own), a semver range"),
  server: z
    .enum(['java', 'python'])
    .optional()
    .describe(
      "the catalog server the entry applies to: Paimon's Java RESTCatalogServer (the default) or pypaimon's (--catalog python); default: any",
    ),
  clients: z
    .record(z.string(), z.string())
    .optional()
    .describe(
      'client releases of the cell the entry applies to, as semver ranges: { pypaimon: "<2.1.0" } (keys: engines whose release is a cell component: pypaimon, paimon-java, paimon-rust; a client variant row such as 2.0.0+pypaimon-2.1.0 differs from its release there only)',
    ),
  signature: RegexString.optional().describe('regular expression the failure text must match'),
  explore: RegexString.optional().describe(
    "generated cases (`explore`): a regular expression over the finding's signature, a newline and the case's scenario YAML; a finding it matches, on an engine and versions the entry names, is this deviation and not reported",
  ),
  layer: z
    .enum(['engine-cast', 'writer', 'file', 'reader', 'catalog', 'engine'])
    .describe(
      'required: where the deviation lives: the engine casting a value, the writer, the file format, the reader, the catalog, or the engine itself (SQL surface, procedures)',
    ),
  intermittent: z
    .boolean()
    .optional()
    .describe('the deviation shows in some runs only (say how often in evidence): a pass is not reported as a fixed deviation'),
  timeout: z
    .number()
    .positive()
    .max(600)
    .optional()
    .describe(
      "the deviation is a hang: where the entry applies, a step gets this time limit (seconds) instead of the engine's, so the verdict (error class timeout) comes fast; the step must still not answer in that time. Applies to steps expected to succeed only",
    ),
  reason: z.string().min(1),
  evidence: z.string().optional().describe('what the engine actually did'),
  link: z.string().optional(),
  upstream: z
    .union([
      z.url(),
      z.literal('none found'),
      z.string().regex(/^none found \(searched \d{4}-\d{2}-\d{2}\)$/, "'none found (searched YYYY-MM-DD)'"),
    ])
    .optional()
    .describe(
      "a public upstream issue or pull request that describes the deviation, or 'none found (searched YYYY-MM-DD)' when a search on that day found none",
    ),
  expires: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe('after this date the entry no longer applies'),
});

export const KnownIssuesFileSchema = z.strictObject({ deviations: z.array(KnownIssueSchema) });

export type KnownIssue = z.infer<typeof KnownIssueSchema>;
