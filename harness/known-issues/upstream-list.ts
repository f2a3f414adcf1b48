import { byteOrder } from '../byte-order.ts';
import type { KnownIssue } from './known-issue.ts';

/** Layers whose entries are defects of Paimon or an engine: each needs an upstream report or a search that found none. */
export const UPSTREAM_LAYERS: readonly KnownIssue['layer'][] = ['writer', 'reader', 'catalog', 'engine'];

const LIST_START = '<!-- findings-without-upstream:start (npm run docs writes this list) -->';
const LIST_END = '<!-- findings-without-upstream:end -->';

/**
 * The findings that have no upstream report, as a Markdown list for docs/known-issues.md: entries
 * of an upstream layer whose search found none, and those not searched yet.
 */
export function findingsWithoutUpstream(issues: readonly KnownIssue[]): string {
  const open = issues
    .filter((i) => UPSTREAM_LAYERS.includes(i.layer) && (!i.upstream || i.upstream.startsWith('none found')))
    .sort((a, b) => byteOrder(a.id, b.id));
  const searched = open.filter((i) => i.upstream);
  const unsearched = open.filter((i) => !i.upstream);
  const line = (i: KnownIssue) => `- \`${i.id}\` (${i.layer}, ${[i.engine].flat().join(', ')})${i.upstream ? `: ${i.upstream}` : ''}`;
  return [
    LIST_START,
    `${searched.length} entries have no upstream report (a search found none: candidates for \`paimon-interop report-issue <id>\`)${unsearched.length ? `; ${unsearched.length} are not searched yet` : ''}.`,
    '',
    ...searched.map(line),
    ...(unsearched.length ? ['', 'Not searched yet:', '', ...unsearched.map(line)] : []),
    LIST_END,
  ].join('\n');
}

/** docs/known-issues.md with its list replaced by the current one. */
export function withFindingsList(doc: string, issues: readonly KnownIssue[]): string {
  const start = doc.indexOf(LIST_START);
  const end = doc.indexOf(LIST_END);
  if (start < 0 || end < start) throw new Error('docs/known-issues.md has no findings-without-upstream markers');
  return doc.slice(0, start) + findingsWithoutUpstream(issues) + doc.slice(end + LIST_END.length);
}
