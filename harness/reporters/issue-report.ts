import { ENGINE_DESCRIPTORS, paimonTracker, type EngineDescriptor, type IssueTracker } from '../engines/index.ts';
import type { KnownIssue } from '../known-issues/index.ts';
import { actorType, wireLine, type CellScenarioResult, type RunCell, type StepEngineResult, type StepResult } from '../verdicts/index.ts';

/** The project that owns a deviation: where its bug report goes. */
type IssueOwner = IssueTracker;

/**
 * Who owns a deviation, from its layer and the engine that deviates (the engine's descriptor
 * says: `issueTrackers`): Paimon's Java, Python and Rust implementations, its catalog and
 * connectors, or the engine itself where the engine's own SQL layer casts or plans.
 */
export function issueOwner(
  layer: KnownIssue['layer'],
  engine: string,
  descriptors: readonly EngineDescriptor[] = ENGINE_DESCRIPTORS,
): IssueOwner {
  if (layer === 'catalog' || engine === 'catalog') return paimonTracker('REST catalog (RESTCatalogServer, the REST specification)', 'rest');
  const trackers = descriptors.find((d) => d.name === engine)?.issueTrackers;
  // The engine's own casting or SQL surface belongs to the engine; reading and writing Paimon tables to Paimon's side of it.
  if ((layer === 'engine-cast' || layer === 'engine') && trackers?.engine) return trackers.engine;
  return trackers?.paimon ?? paimonTracker('paimon-core (the Java implementation)', 'core');
}

export interface IssueEvidence {
  entry: KnownIssue;
  result: CellScenarioResult;
  cell: RunCell;
  /** The scenario file as it is on disk. */
  scenarioSource: string;
}

const fence = (lang: string, text: string) => ['```' + lang, text.replace(/```/g, '`\u200b``'), '```'];
/** Inline code that survives backticks in the statement (Flink quotes names with them); a long one is cut. */
function codeSpan(statement: string): string {
  const flat = statement.replace(/\s+/g, ' ');
  const text = flat.length > STATEMENT_CHARS ? `${flat.slice(0, STATEMENT_CHARS)} … (${flat.length} characters)` : flat;
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}
const STATEMENT_CHARS = 1500;
/** A title from an entry's reason: its first sentence without the layer's label (`Catalog: …`), at most ~120 characters. */
export function issueTitle(reason: string): string {
  const flat = reason
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[A-Z][\w-]*: /, '');
  const sentence = (/^(.+?[.;])(\s|$)/.exec(flat)?.[1] ?? flat).replace(/[.;]$/, '');
  return sentence.length <= 120 ? sentence : `${sentence.slice(0, sentence.lastIndexOf(' ', 117))} …`;
}

/** The steps of the scenario run up to the first one where the entry held, and that step. */
function stepsToFinding(
  result: CellScenarioResult,
  id: string,
): { before: StepResult[]; at: StepResult; engines: StepEngineResult[] } | undefined {
  const at = result.steps.find((s) => s.engines.some((e) => e.known?.id === id));
  if (!at) return undefined;
  return { before: result.steps.filter((s) => s.index < at.index), at, engines: at.engines.filter((e) => e.known?.id === id) };
}

/**
 * A bug report, ready to file: title, owner, versions, the scenario as YAML and as the plain
 * statements the engines ran, expected against actual, the entry's evidence and the catalog's
 * requests during the step.
 */
export function renderIssueReport(ev: IssueEvidence): string {
  const { entry, result, cell } = ev;
  const found = stepsToFinding(result, entry.id);
  if (!found) throw new Error(`${result.id} does not hold ${entry.id}`);
  const engines = found.engines.map((e) => e.engine);
  // A writer's deviation shows on the readers: the scenario's writer owns it.
  const writer = typeof result.params.writer === 'string' ? result.params.writer : undefined;
  const owner = issueOwner(entry.layer, (entry.layer === 'writer' || entry.layer === 'file') && writer ? writer : engines[0]!);
  const lines = [
    `# [${owner.tag}] ${issueTitle(entry.reason)}`,
    '',
    `File with **${owner.project}** (${owner.component}): ${owner.newIssueUrl}${upstreamNote(entry.upstream)}`,
    '',
    '## Versions',
    '',
    ...Object.entries(cell.versions).map(([k, v]) => `- ${k}: ${v}`),
    `- environment: ${cell.environment} (${cell.id})`,
    '',
    '## What happens',
    '',
    entry.reason.trim(),
    ...(entry.evidence ? ['', entry.evidence.trim()] : []),
    '',
    `Layer: ${entry.layer}; it shows on ${engines.join(', ')}${writer ? ` reading what ${writer} wrote` : ''}.`,
    '',
    '## How to reproduce',
    '',
    "The statements each engine ran, in order (the database is the scenario's own; types and literals as the engine was sent them):",
    '',
  ];
  for (const step of [...found.before, found.at]) {
    const ran = step.engines.filter((e) => e.statement && (step === found.at ? engines.includes(e.engine) : true));
    if (!ran.length) continue;
    lines.push(`${step.index + 1}. ${step.name}${step === found.at ? ' — **here**' : ''}`);
    for (const e of ran) lines.push(`   - on ${e.engine}: ${codeSpan(e.statement!)}`);
  }
  lines.push(
    '',
    `With paimon-interop, the whole scenario \`${result.id}\`:`,
    '',
    ...fence(
      'sh',
      `npx paimon-interop run ${result.file} --engine ${[...new Set(result.steps.flatMap((s) => s.engines.filter((e) => actorType(e) === 'engine').map((e) => e.engine)))].join(',')}`,
    ),
    '',
    ...fence('yaml', ev.scenarioSource.trim()),
    '',
  );
  lines.push('## Expected and actual', '');
  for (const e of found.engines) {
    lines.push(
      `On ${e.engine}${e.error ? ` (${e.error.exception ?? 'error'}: ${e.error.message.split('\n')[0]!.slice(0, 300)})` : ''}:`,
      '',
    );
    lines.push(
      ...fence('diff', e.failures.map((f) => `${f.aspect}: -expected +actual\n${f.diff.join('\n')}`).join('\n\n') || '(no diff recorded)'),
      '',
    );
  }
  if (found.at.wire?.length) {
    lines.push('## Requests to the REST catalog during the step', '', ...fence('', found.at.wire.map(wireLine).join('\n')), '');
  }
  lines.push('---', `Found by paimon-interop (known-issues.yaml entry \`${entry.id}\`${entry.link ? `, ${entry.link}` : ''}).`, '');
  return lines.join('\n');
}

/** What is known upstream: a report to link (search it before filing), or a search that found none. */
function upstreamNote(upstream: string | undefined): string {
  if (!upstream) return '';
  if (upstream.startsWith('none found')) return `. Searched upstream before: ${upstream}`;
  return `. Already reported upstream: ${upstream}`;
}
