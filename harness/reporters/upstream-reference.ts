/**
 * A known issue's upstream report as reports name it: `apache/paimon#123` for a GitHub issue or
 * pull request, `link` for another URL, the text itself for `none found (…)`, a dash when absent.
 */
export function upstreamReference(upstream: string | undefined): { text: string; url?: string } {
  if (!upstream) return { text: '—' };
  const gh = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/(?:issues|pull)\/(\d+)/.exec(upstream);
  if (gh) return { text: `${gh[1]}#${gh[2]}`, url: upstream };
  return /^https?:/.test(upstream) ? { text: 'link', url: upstream } : { text: upstream };
}
