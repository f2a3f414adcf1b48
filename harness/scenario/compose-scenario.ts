import { validRange } from 'semver';
import { checkDeclaredValues } from './check-values.ts';
import type { Locator } from './locate.ts';
import { matrixSize, matrixValues } from './expand-matrix.ts';
import { parsePredicate, PredicateSyntaxError } from './parse-predicate.ts';
import { problem, type Problem } from './problem.ts';
import { ANY_WRITER, RUNTIME_VARIABLES, type Scenario, type ScenarioStep } from './scenario-model.ts';
import { isTimeZone, type ScenarioDoc } from './scenario-schema.ts';
import { isWriteKind, kindNeeds, STEP_KINDS, WRITE_KINDS } from './step-kinds.ts';
import { eachString, variablesIn, wholeVariable } from './variables.ts';

/** Instances one scenario may expand to. */
const MAX_MATRIX_INSTANCES = 1000;

export interface ComposeOptions {
  /** Engine names some adapter provides; the scenario layer itself knows no engines. */
  knownEngines: readonly string[];
  /** What each engine can do (engine descriptors); steps needing more must expect `unsupported`. */
  capabilities?: Readonly<Record<string, readonly string[]>>;
  /** Every capability name, for `requires.capabilities`. */
  knownCapabilities?: readonly string[];
}

/** Turns a schema-valid document into the located model, collecting semantic problems. */
export function composeScenario(doc: ScenarioDoc, loc: Locator, opts: ComposeOptions): { scenario: Scenario; problems: Problem[] } {
  // Count instances arithmetically before anything lists them: `p: 0..99999999` must be a
  // located problem, not minutes of work and an exhausted heap.
  const sizes = Object.entries(doc.matrix ?? {}).map(([key, spec]) => [key, matrixSize(spec)] as const);
  const instances = sizes.reduce((n, [, size]) => n * size, 1);
  if (instances > MAX_MATRIX_INSTANCES) {
    const [key] = [...sizes].sort((a, b) => b[1] - a[1])[0]!;
    const tooLarge = problem(
      'MATRIX_TOO_LARGE',
      `the matrix expands to ${instances.toLocaleString('en-US')} instances (${sizes.map(([k, n]) => `${k}: ${n}`).join(' × ')}); a scenario has at most ${MAX_MATRIX_INSTANCES}`,
      loc.ofPath(['matrix', key]),
    );
    return { scenario: { ...doc, matrix: undefined, file: loc.file, loc: loc.ofPath([]), steps: [] }, problems: [tooLarge] };
  }
  const problems: Problem[] = [];
  const known = new Set(opts.knownEngines);
  const engineList = `known engines: ${[...known].join(', ')}`;
  /** `on: ${writer}` names an engine per matrix cell: the matrix parameter, when a name is one. */
  const engineParam = (name: string): string | undefined => {
    const param = wholeVariable(name);
    return param !== undefined && doc.matrix?.[param] !== undefined ? param : undefined;
  };
  /** Concrete engines a name stands for: itself, or every value of its matrix parameter. */
  const concrete = (name: string): string[] => {
    const param = engineParam(name);
    return param === undefined ? [name] : matrixValues(doc.matrix![param]!).map(String);
  };
  const checkEngine = (name: string, path: PropertyKey[], key?: string) => {
    const param = engineParam(name);
    if (param !== undefined) {
      for (const v of concrete(name)) checkEngine(v, ['matrix', param]);
      return;
    }
    if (name === ANY_WRITER) return;
    if (!known.has(name)) {
      problems.push(
        problem('UNKNOWN_ENGINE', `no adapter provides engine '${name}' (${engineList})`, key ? loc.ofKey(path, key) : loc.ofPath(path)),
      );
    }
  };

  doc.requires?.engines?.forEach((e, i) => checkEngine(e, ['requires', 'engines', i]));
  if (doc.requires?.paimon !== undefined && !validRange(doc.requires.paimon)) {
    problems.push(
      problem(
        'BAD_VALUE',
        `requires.paimon: '${doc.requires.paimon}' is not a version range (e.g. ">=1.4" or "1.3 - 1.4")`,
        loc.ofPath(['requires', 'paimon']),
      ),
    );
  }
  doc.requires?.capabilities?.forEach((c, i) => {
    if (opts.knownCapabilities && !opts.knownCapabilities.includes(c)) {
      problems.push(
        problem(
          'UNKNOWN_CAPABILITY',
          `no engine capability '${c}' (known: ${opts.knownCapabilities.join(', ')})`,
          loc.ofPath(['requires', 'capabilities', i]),
        ),
      );
    }
  });

  for (const [key, spec] of Object.entries(doc.matrix ?? {})) {
    if (matrixValues(spec).length === 0) {
      problems.push(problem('EMPTY_MATRIX', `matrix parameter '${key}' expands to no values`, loc.ofPath(['matrix', key])));
    }
  }

  /** `time-zone: ${zone}`: every value of the matrix parameter must be a time zone. */
  const checkZoneParam = (zone: string | undefined, path: PropertyKey[]) => {
    const param = zone === undefined ? undefined : wholeVariable(zone);
    const values = param !== undefined && doc.matrix?.[param] !== undefined ? matrixValues(doc.matrix[param]!) : [];
    for (const v of values) {
      if (!isTimeZone(String(v)))
        problems.push(
          problem(
            'BAD_TIME_ZONE',
            `'${v}' (matrix ${param}) is not a time zone this platform knows (an IANA name such as Asia/Shanghai)`,
            loc.ofPath(['matrix', param!]),
          ),
        );
    }
  };
  checkZoneParam(doc['time-zone'], ['time-zone']);

  doc['matrix-exclude']?.forEach((ex, i) => {
    for (const [key, v] of Object.entries(ex)) {
      const all = doc.matrix?.[key] === undefined ? undefined : matrixValues(doc.matrix[key]!);
      if (!all || !all.includes(v))
        problems.push(
          problem(
            'BAD_VALUE',
            `matrix-exclude: ${key}: ${JSON.stringify(v)} is not a cell of the matrix (${all ? `${key}: ${all.map((x) => JSON.stringify(x)).join(', ')}` : `no parameter '${key}'`})`,
            loc.ofKey(['matrix-exclude', i], key),
          ),
        );
    }
  });
  /** `default-matrix` and a step's `when`: each key a matrix parameter, each value one of its values. */
  const checkCellValues = (label: string, cells: Record<string, (string | number | boolean)[]> | undefined, path: PropertyKey[]) => {
    for (const [key, values] of Object.entries(cells ?? {})) {
      const all = doc.matrix?.[key] === undefined ? undefined : matrixValues(doc.matrix[key]!);
      if (!all)
        problems.push(
          problem(
            'BAD_VALUE',
            `${label}: '${key}' is not a matrix parameter (matrix: ${Object.keys(doc.matrix ?? {}).join(', ') || 'none'})`,
            loc.ofKey(path, key),
          ),
        );
      else
        values.forEach((v, i) => {
          if (!all.includes(v))
            problems.push(
              problem(
                'BAD_VALUE',
                `${label}: ${JSON.stringify(v)} is not a value of matrix parameter '${key}' (${all.map((x) => JSON.stringify(x)).join(', ')})`,
                loc.ofPath([...path, key, i]),
              ),
            );
        });
    }
  };
  checkCellValues('default-matrix', doc['default-matrix'], ['default-matrix']);

  const variables = new Set<string>([...RUNTIME_VARIABLES, ...Object.keys(doc.matrix ?? {})]);
  const principals = new Set(Object.keys(doc.principals ?? {}));
  if (doc['catalog-config'] && doc.principals) {
    // A principal reaches the catalog through the access-control proxy; the scenario's own
    // configuration address would bypass it.
    problems.push(
      problem(
        'BAD_VALUE',
        "'catalog-config' and 'principals' cannot be combined: a principal's requests go through the access-control proxy, the configured ones through the scenario's own address",
        loc.ofPath(['catalog-config']),
      ),
    );
  }

  const steps = doc.steps.map((step, index) => {
    const base = ['steps', index];
    // The schema made sure a step has exactly one kind.
    const kind = STEP_KINDS.find((k) => step[k] !== undefined)!;
    const on = step.on === undefined ? [] : Array.isArray(step.on) ? step.on : [step.on];
    const onPath = (i: number) => (Array.isArray(step.on) ? [...base, 'on', i] : [...base, 'on']);
    on.forEach((e, i) => checkEngine(e, onPath(i)));
    if (on.includes(ANY_WRITER) && (on.length > 1 || !isWriteKind(kind))) {
      problems.push(
        problem(
          'BAD_VALUE',
          `'on: ${ANY_WRITER}' stands alone on a portable write step (${WRITE_KINDS.join(', ')}): the runner picks the writer`,
          loc.ofPath(onPath(on.indexOf(ANY_WRITER))),
        ),
      );
    }
    const need = kindNeeds(kind);
    const needed = [
      ...(need ? [need] : []),
      ...(step.as !== undefined ? ['principals'] : []),
      ...(doc['catalog-config'] && on.length ? ['catalog-config'] : []),
    ];
    const expectsUnsupported =
      step.expect?.error === 'unsupported' || (typeof step.expect?.error === 'object' && step.expect.error.class === 'unsupported');
    if (opts.capabilities && !expectsUnsupported) {
      on.forEach((name, i) => {
        for (const engine of concrete(name)) {
          const has = opts.capabilities![engine];
          const lacking = has ? needed.filter((c) => !has.includes(c)) : [];
          if (lacking.length) {
            const what = lacking
              .map((c) =>
                c === 'principals'
                  ? `act as a principal ('as: ${step.as}')`
                  : c === 'catalog-config'
                    ? "open the catalog with the scenario's 'catalog-config'"
                    : c === 'sql'
                      ? 'run SQL'
                      : c === 'writes'
                        ? `run ${kind}`
                        : c,
              )
              .join(' or ');
            problems.push(
              problem(
                'UNSUPPORTED_BY_ENGINE',
                `${engine} cannot ${what} (its capabilities: ${has!.join(', ') || 'none'}): take it off 'on', or assert it with 'expect: { error: unsupported }'`,
                loc.ofPath(onPath(i)),
              ),
            );
          }
        }
      });
    }
    if (step.sql !== undefined && typeof step.sql === 'object') {
      for (const variant of Object.keys(step.sql)) checkEngine(variant, [...base, 'sql'], variant);
      // `on: ${param}` needs a variant for every engine the parameter takes.
      const missing = [...new Set(on.flatMap((e) => concrete(e)))].filter((e) => !(e in (step.sql as Record<string, string>)));
      if (missing.length) {
        problems.push(problem('MISSING_KEY', `no SQL variant for engine(s) ${missing.join(', ')}`, loc.ofPath([...base, 'sql'])));
      }
    }
    checkZoneParam(step['time-zone'], [...base, 'time-zone']);
    checkCellValues('when', step.when, [...base, 'when']);
    const where = step.read?.where;
    // A filter with variables is parsed once they are known (at run time).
    if (where !== undefined && variablesIn(where).length === 0) {
      try {
        parsePredicate(where);
      } catch (err) {
        if (!(err instanceof PredicateSyntaxError)) throw err;
        problems.push(problem('BAD_PREDICATE', `where: ${err.message}`, loc.insideString([...base, 'read', 'where'], err.offset)));
      }
    }
    if (step.expect?.filtered && (where === undefined || step.read?.limit !== undefined)) {
      problems.push(
        problem(
          'BAD_VALUE',
          `'filtered' needs a read step with a where and no limit (the harness filters the engine's unfiltered read)`,
          loc.ofKey([...base, 'expect'], 'filtered'),
        ),
      );
    }
    if (step.as !== undefined && !principals.has(step.as)) {
      problems.push(problem('UNKNOWN_PRINCIPAL', `principal '${step.as}' is not declared under 'principals'`, loc.ofPath([...base, 'as'])));
    }
    if (step.expect?.agree && on.length < 2) {
      problems.push(problem('BAD_VALUE', `'agree' needs a step that runs on two or more engines`, loc.ofKey([...base, 'expect'], 'agree')));
    }
    eachString(step, base, (text, path) => {
      for (const name of variablesIn(text)) {
        if (!variables.has(name)) {
          problems.push(
            problem(
              'UNKNOWN_VARIABLE',
              `unknown variable \${${name}} (runtime: ${RUNTIME_VARIABLES.join(', ')}; matrix: ${Object.keys(doc.matrix ?? {}).join(', ') || 'none'})`,
              loc.ofPath(path),
            ),
          );
        }
      }
    });
    const marked = step['mark-time']?.variable;
    const declared: [string, (string | number)[]][] = [
      ...(marked !== undefined ? [[marked, [...base, 'mark-time', 'variable']] as [string, (string | number)[]]] : []),
      ...Object.keys(step.rest?.capture ?? {}).map((v): [string, (string | number)[]] => [v, [...base, 'rest', 'capture', v]]),
    ];
    for (const [name, path] of declared) {
      if (variables.has(name)) problems.push(problem('BAD_VALUE', `\${${name}} is already a variable`, loc.ofPath(path)));
      // Known from here on: later steps may use it.
      variables.add(name);
    }
    return { ...step, kind, loc: loc.ofPath(base), index } as ScenarioStep;
  });

  problems.push(...checkDeclaredValues(doc, loc));
  return { scenario: { ...doc, file: loc.file, loc: loc.ofPath([]), steps }, problems };
}
