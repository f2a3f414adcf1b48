/**
 * The parts of the docs that are made from the code, never written by hand: each lives between
 * `<!-- generated:<name>:start -->` and `<!-- generated:<name>:end -->` in its file. `npm run docs`
 * rewrites them; a test fails when a checked-in copy differs from what the code gives.
 */
import { readFile } from 'node:fs/promises';
import { ENGINE_DESCRIPTORS, SCENARIO_ENGINES, type EngineDescriptor } from '../harness/engines/index.ts';
import { loadKnownIssues, withFindingsList } from '../harness/known-issues/index.ts';
import { selectInstances } from '../harness/runner/index.ts';
import { expandScenario, loadScenarios, STEP_KIND_TABLE, STEP_KINDS, type Scenario } from '../harness/scenario/index.ts';

const start = (name: string) => `<!-- generated:${name}:start (npm run docs writes this part; do not edit it by hand) -->`;
const end = (name: string) => `<!-- generated:${name}:end -->`;

/** The document with the named part replaced by `content`; the part's markers must be there. */
export function withGeneratedPart(doc: string, name: string, content: string): string {
  const from = doc.indexOf(start(name));
  const to = doc.indexOf(end(name));
  if (from < 0 || to < from) throw new Error(`no generated part '${name}' (markers ${start(name)} … ${end(name)})`);
  return `${doc.slice(0, from)}${start(name)}\n${content.trimEnd()}\n${doc.slice(to)}`;
}

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The step kinds: who runs each, what it does, whether it writes or reads. */
export function stepKindsTable(): string {
  const rows = STEP_KINDS.map((kind) => {
    const info = STEP_KIND_TABLE[kind];
    const role = 'writes' in info ? 'writes' : 'reads' in info ? 'reads' : '';
    return `| \`${kind}\` | ${info.actor === 'engine' ? 'the engines of `on:`' : 'the harness'} | ${role} | ${cell(info.summary)} |`;
  });
  return ['| kind | runs on | | what a step of it does |', '|---|---|---|---|', ...rows].join('\n');
}

/** Where each engine runs: in each environment, and what it can do. */
export function engineEnvironmentsTable(descriptors: readonly EngineDescriptor[] = ENGINE_DESCRIPTORS): string {
  const local = (d: EngineDescriptor) => (d.local ? 'started here' : `— ${d.localUnavailable ?? ''}`.trim());
  const docker = (d: EngineDescriptor) =>
    d.docker ? ('images' in d.docker ? 'in containers' : `— ${d.docker.unavailable}`) : d.gateway ? 'its gateway on the host' : '—';
  const external = (d: EngineDescriptor) =>
    [...(d.local ? ['`local`'] : []), ...(d.external ? ['an endpoint of yours'] : [])].join(' or ') || '—';
  const rows = descriptors.map(
    (d) =>
      `| \`${d.name}\` | ${cell(d.summary)} | ${d.capabilities.join(', ')} | ${cell(local(d))} | ${cell(docker(d))} | ${cell(external(d))} |`,
  );
  return [
    '| engine | what it is | capabilities | `--env local` | `--env docker` | `--env external` (`engines.<name>:`) |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Every scenario of the suite: its file, tier, tags, instances in the default and nightly tiers, and its description's first sentence. */
export function scenarioListTable(scenarios: readonly Scenario[]): string {
  const sorted = [...scenarios].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const count = (s: Scenario, tier: 'default' | 'nightly') => selectInstances([s], { tier }).length;
  const firstSentence = (text = '') =>
    cell(
      text
        .replace(/\s+/g, ' ')
        .trim()
        .split(/(?<=\.)\s/)[0] ?? '',
    );
  const rows = sorted.map(
    (s) =>
      `| \`${s.name}\` | [${s.file.replace(/^scenarios\//, '')}](../${s.file}) | ${s.tier ?? 'default'} | ${(s.tags ?? []).join(', ')} | ${count(s, 'default')} / ${expandScenario(s).length} | ${firstSentence(s.description)} |`,
  );
  return [
    `${sorted.length} scenarios, ${sorted.reduce((n, s) => n + count(s, 'default'), 0)} instances in the default tier, ${sorted.reduce((n, s) => n + expandScenario(s).length, 0)} with \`--tier nightly\`.`,
    '',
    '| scenario | file | tier | tags | instances (default / nightly) | what it checks |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** A file of the docs, and how its generated parts are made. */
interface GeneratedFile {
  file: string;
  render(doc: string): Promise<string>;
}

export const GENERATED_FILES: readonly GeneratedFile[] = [
  {
    file: 'README.md',
    render: async (doc) =>
      withGeneratedPart(withGeneratedPart(doc, 'step-kinds', stepKindsTable()), 'engine-environments', engineEnvironmentsTable()),
  },
  {
    file: 'docs/scenarios.md',
    render: async (doc) => {
      const suite = await loadScenarios(['scenarios'], SCENARIO_ENGINES);
      if (suite.problems.length) throw new Error(`the scenarios have problems: ${suite.problems.map((p) => p.message).join('; ')}`);
      return withGeneratedPart(doc, 'scenario-list', scenarioListTable(suite.scenarios));
    },
  },
  {
    file: 'docs/known-issues.md',
    render: async (doc) => {
      const known = await loadKnownIssues('known-issues.yaml');
      if (known.problems.length) throw new Error(`known-issues.yaml has problems: ${known.problems.map((p) => p.message).join('; ')}`);
      return withFindingsList(doc, known.issues);
    },
  },
];

/** Each generated file as it is checked in and as the code makes it. */
export async function generatedDocs(): Promise<{ file: string; current: string; generated: string }[]> {
  return Promise.all(
    GENERATED_FILES.map(async (g) => {
      const current = await readFile(g.file, 'utf8');
      return { file: g.file, current, generated: await g.render(current) };
    }),
  );
}
