import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { validRange } from 'semver';
import { Locator, problem, STEP_KINDS, type Problem } from '../scenario/index.ts';
import { KnownIssuesFileSchema, type KnownIssue } from './known-issue.ts';

/**
 * Loads known-issues.yaml; a missing file is an empty table, a bad one located problems.
 * `clientEngines`: the engines whose release `clients:` may name (the engines' registry knows them).
 */
export async function loadKnownIssues(
  file: string,
  opts: { clientEngines?: readonly string[] } = {},
): Promise<{ issues: KnownIssue[]; problems: Problem[]; source: string }> {
  const source = await readFile(file, 'utf8').catch(() => undefined);
  if (source === undefined) return { issues: [], problems: [], source: '' };
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines });
  const loc = new Locator(file, doc, lines);
  if (doc.errors.length)
    return { issues: [], problems: doc.errors.map((e) => problem('YAML_SYNTAX', e.message.split('\n')[0]!, loc.at(e.pos[0]))), source };
  const parsed = KnownIssuesFileSchema.safeParse(doc.toJS());
  if (parsed.success) {
    const seen = new Set<string>();
    const problems = parsed.data.deviations.flatMap((d, i) => {
      const dup = seen.has(d.id);
      seen.add(d.id);
      const out = dup ? [problem('DUPLICATE_ID', `known issue id '${d.id}' is used twice`, loc.ofPath(['deviations', i]))] : [];
      if (d.paimon !== undefined && !validRange(d.paimon))
        out.push(problem('BAD_VALUE', `'${d.paimon}' is not a version range`, loc.ofPath(['deviations', i, 'paimon'])));
      if (d.scenario === undefined && d.kind === undefined)
        out.push(
          problem(
            'BAD_VALUE',
            `known issue '${d.id}' names neither a scenario nor a step kind: it would apply everywhere`,
            loc.ofPath(['deviations', i]),
          ),
        );
      const kinds = d.kind === undefined ? [] : ([] as string[]).concat(d.kind);
      for (const k of kinds.filter((k) => !(STEP_KINDS as readonly string[]).includes(k)))
        out.push(problem('BAD_VALUE', `kind '${k}' is not a step kind (${STEP_KINDS.join(', ')})`, loc.ofPath(['deviations', i, 'kind'])));
      for (const [client, range] of Object.entries(d.clients ?? {})) {
        if (opts.clientEngines && !opts.clientEngines.includes(client))
          out.push(
            problem(
              'BAD_VALUE',
              `clients: '${client}' is not an engine whose release a cell records (${opts.clientEngines.join(', ')})`,
              loc.ofKey(['deviations', i, 'clients'], client),
            ),
          );
        if (!validRange(range))
          out.push(problem('BAD_VALUE', `'${range}' is not a version range`, loc.ofPath(['deviations', i, 'clients', client])));
      }
      if (d.writer !== undefined && !validRange(d.writer))
        out.push(problem('BAD_VALUE', `'${d.writer}' is not a version range`, loc.ofPath(['deviations', i, 'writer'])));
      return out;
    });
    return { issues: parsed.data.deviations, problems, source };
  }
  return {
    issues: [],
    problems: parsed.error.issues.map((i) =>
      problem(
        i.code === 'unrecognized_keys'
          ? 'UNKNOWN_KEY'
          : i.code === 'custom' && (i.params as { problem?: 'BAD_REGEX' })?.problem === 'BAD_REGEX'
            ? 'BAD_REGEX'
            : 'BAD_VALUE',
        `${i.path.join('.')}: ${i.message}`,
        loc.ofPath(i.path),
      ),
    ),
    source,
  };
}
