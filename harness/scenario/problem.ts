/** Where a model node came from in a scenario file (1-based line and column). */
export interface Loc {
  file: string;
  line: number;
  col: number;
}

/** Closed set of problem codes the loader reports; tests assert on these, never on messages. */
export type ProblemCode =
  | 'YAML_SYNTAX'
  | 'FILE_UNREADABLE'
  | 'UNKNOWN_KEY'
  | 'MISSING_KEY'
  | 'BAD_TYPE'
  | 'BAD_VALUE'
  | 'UNKNOWN_ENGINE'
  | 'UNKNOWN_VARIABLE'
  | 'EMPTY_MATRIX'
  | 'DUPLICATE_SCENARIO'
  | 'DUPLICATE_ID'
  | 'UNKNOWN_PRINCIPAL'
  | 'INEXACT_NUMBER'
  | 'BAD_REGEX'
  | 'BAD_EXPECTED_VALUE'
  | 'BAD_INSERT_VALUE'
  | 'UNKNOWN_CAPABILITY'
  | 'UNSUPPORTED_BY_ENGINE'
  | 'FILE_TOO_LARGE'
  | 'NOT_TEXT'
  | 'TOO_COMPLEX'
  | 'MATRIX_TOO_LARGE'
  | 'NO_SCENARIOS'
  | 'BAD_PREDICATE'
  | 'BAD_TIME_ZONE';

/** One thing wrong with a scenario file, collected instead of thrown. */
export interface Problem {
  code: ProblemCode;
  message: string;
  loc: Loc;
}

export function problem(code: ProblemCode, message: string, loc: Loc): Problem {
  return { code, message, loc };
}

/** Thrown only at the outer boundary (CLI, suite) when problems must stop the run. */
export class ScenarioLoadError extends Error {
  readonly code = 'SCENARIO_INVALID';
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem(s) in scenario files`);
    this.name = 'ScenarioLoadError';
  }
}
