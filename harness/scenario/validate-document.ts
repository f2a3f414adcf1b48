import type { z } from 'zod';
import type { Locator } from './locate.ts';
import { problem, type Problem } from './problem.ts';
import { ScenarioSchema, type ScenarioDoc } from './scenario-schema.ts';

/** Checks a parsed document against the schema; every zod issue becomes a located problem. */
export function validateDocument(data: unknown, loc: Locator): { doc?: ScenarioDoc; problems: Problem[] } {
  const parsed = ScenarioSchema.safeParse(data);
  if (parsed.success) return { doc: parsed.data, problems: [] };
  return { problems: parsed.error.issues.flatMap((issue) => toProblems(issue, loc)) };
}

function toProblems(issue: z.core.$ZodIssue, loc: Locator): Problem[] {
  const path = issue.path;
  const where = path.length ? path.join('.') : 'scenario';
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => problem('UNKNOWN_KEY', `unknown key '${key}' in ${where}`, loc.ofKey(path, key)));
    case 'invalid_type': {
      const found = loc.nodeAt(path);
      if (!found.exact) {
        return [
          problem(
            'MISSING_KEY',
            `missing required key '${String(path.at(-1))}' in ${path.slice(0, -1).join('.') || 'scenario'}`,
            loc.ofNode(found.node),
          ),
        ];
      }
      return [problem('BAD_TYPE', `${where}: expected ${issue.expected}`, loc.ofNode(found.node))];
    }
    case 'invalid_union': {
      // Report the alternative that got furthest instead of zod's bare "Invalid input".
      const inner = issue.errors.flat().find((i) => i.code !== 'invalid_type') ?? issue.errors.flat()[0];
      const detail = inner ? inner.message : issue.message;
      return [problem('BAD_TYPE', `${where}: ${detail}`, loc.ofPath(path))];
    }
    case 'custom': {
      const code = (issue.params as { problem?: Problem['code'] } | undefined)?.problem ?? 'BAD_VALUE';
      return [problem(code, `${where}: ${issue.message}`, loc.ofPath(path))];
    }
    default:
      return [problem('BAD_VALUE', `${where}: ${issue.message}`, loc.ofPath(path))];
  }
}
