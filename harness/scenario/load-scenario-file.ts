import { open } from 'node:fs/promises';
import { readablePath } from '../package-root.ts';
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

/** Scenario files are small; anything larger is refused before it is parsed. */
const MAX_SCENARIO_BYTES = 1024 * 1024;
/** Alias expansions a document may make (a YAML "billion laughs" makes millions). */
const MAX_ALIAS_COUNT = 1000;

const at = (file: string, line = 1, col = 1) => ({ file, line, col });

/** Parses, validates and composes one scenario from source text. Never throws on bad input. */
export function loadScenarioSource(file: string, source: string, opts: ComposeOptions): LoadedFile {
  try {
    const lines = new LineCounter();
    const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const loc = new Locator(file, doc, lines);
    if (doc.errors.length) {
      // The parser ran out of stack (it may say so more than once): one problem that says what
      // that means for the author.
      const overflow = doc.errors.find((e) => /Maximum call stack/.test(e.message));
      if (overflow)
        return { file, source, problems: [problem('TOO_COMPLEX', 'the document is nested too deeply to load', loc.at(overflow.pos[0]))] };
      return { file, source, problems: doc.errors.map((e) => problem('YAML_SYNTAX', e.message.split('\n')[0]!, loc.at(e.pos[0]))) };
    }
    const inexact = inexactNumbers(doc, loc);
    let js: unknown;
    try {
      js = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      return {
        file,
        source,
        problems: [
          problem(
            'TOO_COMPLEX',
            `the document expands too far (${(err as Error).message.split('\n')[0]}); a scenario needs at most ${MAX_ALIAS_COUNT} alias expansions`,
            at(file),
          ),
        ],
      };
    }
    const { doc: valid, problems } = validateDocument(js, loc);
    if (!valid) return { file, source, problems: [...inexact, ...problems] };
    const composed = composeScenario(valid, loc, opts);
    return { file, source, scenario: composed.scenario, problems: [...inexact, ...composed.problems] };
  } catch (err) {
    // A document deep enough to exhaust the parser's or validator's stack, or any other input
    // the stages cannot take: one located problem, never a crash.
    const why = err instanceof RangeError ? 'it is nested too deeply' : (err as Error).message.split('\n')[0];
    return { file, source, problems: [problem('TOO_COMPLEX', `cannot load this document: ${why}`, at(file))] };
  }
}

/** The first byte that is not text (a NUL or invalid UTF-8), as a line and column, or undefined. */
function firstNonText(bytes: Buffer): { line: number; col: number; what: string } | undefined {
  const nul = bytes.indexOf(0);
  let bad = nul;
  let what = 'a NUL byte';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(nul >= 0 ? bytes.subarray(0, nul) : bytes);
  } catch {
    // Find the first invalid sequence by decoding growing prefixes at line starts.
    let lo = 0;
    let hi = nul >= 0 ? nul : bytes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
        lo = mid + 1;
      } catch {
        hi = mid;
      }
    }
    bad = lo;
    what = 'bytes that are not UTF-8';
  }
  if (bad < 0) return undefined;
  const before = bytes.subarray(0, bad);
  const line = before.filter((b) => b === 0x0a).length + 1;
  const col = bad - before.lastIndexOf(0x0a);
  return { line, col, what };
}

export async function loadScenarioFile(file: string, opts: ComposeOptions): Promise<LoadedFile> {
  let bytes: Buffer;
  try {
    // A bundled scenario is named as in the repository and read from the tool's folder.
    const handle = await open(readablePath(file), 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_SCENARIO_BYTES) {
        return {
          file,
          source: '',
          problems: [
            problem(
              'FILE_TOO_LARGE',
              `the file has ${(size / 1024 / 1024).toFixed(1)} MB; a scenario file has at most ${MAX_SCENARIO_BYTES / 1024 / 1024} MB (generate volume with insert.generate)`,
              at(file),
            ),
          ],
        };
      }
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? String(err);
    return { file, source: '', problems: [problem('FILE_UNREADABLE', `cannot read file (${reason})`, at(file))] };
  }
  const binary = firstNonText(bytes);
  // The source stays empty: a code frame of binary bytes helps nobody.
  if (binary)
    return {
      file,
      source: '',
      problems: [
        problem(
          'NOT_TEXT',
          `not a text file: ${binary.what} at line ${binary.line}, column ${binary.col}`,
          at(file, binary.line, binary.col),
        ),
      ],
    };
  return loadScenarioSource(file, bytes.toString('utf8'), opts);
}
