import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { inexactNumbers } from './exact-numbers.ts';
import { composeScenario, type ComposeOptions } from './compose-scenario.ts';
import { Locator } from './locate.ts';
import { problem, type Problem } from './problem.ts';
import type { Scenario } from './scenario-model.ts';
import { validateDocument } from './validate-document.ts';

export interface LoadedFile {
  file: string;
  source: string;
  scenario?: Scenario;
  problems: Problem[];
}

/** Parses, validates and composes one scenario from source text. Never throws on bad input. */
export function loadScenarioSource(file: string, source: string, opts: ComposeOptions): LoadedFile {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const loc = new Locator(file, doc, lines);
  if (doc.errors.length) {
    return { file, source, problems: doc.errors.map((e) => problem('YAML_SYNTAX', e.message.split('\n')[0]!, loc.at(e.pos[0]))) };
  }
  const inexact = inexactNumbers(doc, loc);
  const { doc: valid, problems } = validateDocument(doc.toJS(), loc);
  if (!valid) return { file, source, problems: [...inexact, ...problems] };
  const composed = composeScenario(valid, loc, opts);
  return { file, source, scenario: composed.scenario, problems: [...inexact, ...composed.problems] };
}

export async function loadScenarioFile(file: string, opts: ComposeOptions): Promise<LoadedFile> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? String(err);
    return { file, source: '', problems: [problem('FILE_UNREADABLE', `cannot read file (${reason})`, { file, line: 1, col: 1 })] };
  }
  return loadScenarioSource(file, source, opts);
}
