import { Ajv, type ValidateFunction } from 'ajv';
import { responseSchema } from './response-schemas.ts';
import { operationOf, type RestOperation } from './rest-operations.ts';

const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new Map<string, ValidateFunction>();

function validator(name: string): ValidateFunction | undefined {
  if (!compiled.has(name)) {
    const schema = responseSchema(name);
    if (!schema) return undefined;
    compiled.set(name, ajv.compile(schema));
  }
  return compiled.get(name);
}

/** What checking one answer against the specification found. */
export interface ResponseCheck {
  /** The operation the request is; undefined for a path outside the specification (nothing checked). */
  operation?: RestOperation;
  /** The schema the answer was checked against. */
  schema?: string;
  /** Where the answer departs from its schema: `body.tables[0]: must be string`; empty when it conforms. */
  problems: string[];
}

/**
 * Checks an answer against the specification: a 2xx body against the operation's response schema,
 * an error body (4xx, 5xx) against ErrorResponse, whose `code` must also be the HTTP status.
 */
export function checkResponse(method: string, path: string, status: number, body: unknown): ResponseCheck {
  const operation = operationOf(method, path);
  if (!operation) return { problems: [] };
  const schema = status >= 400 ? 'ErrorResponse' : status >= 200 && status < 300 ? operation.ok : undefined;
  if (!schema) return { operation, problems: [] };
  const validate = validator(schema)!;
  // A nullable field that fails reports its own error plus "must be null" and the anyOf around
  // both (response-schemas.ts opt()); the first says what is wrong.
  const errors = validate(body)
    ? []
    : (validate.errors ?? []).filter(
        (e) => e.keyword !== 'anyOf' && !(e.keyword === 'type' && (e.params as { type?: string }).type === 'null'),
      );
  const problems = errors.map(
    (e) => `body${e.instancePath.replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.')}: ${e.message ?? 'invalid'}`,
  );
  if (
    schema === 'ErrorResponse' &&
    body !== null &&
    typeof body === 'object' &&
    'code' in body &&
    (body as { code: unknown }).code !== status
  ) {
    problems.push(`body.code: ${String((body as { code: unknown }).code)}, but the HTTP status is ${status}`);
  }
  return { operation, schema, problems: [...new Set(problems)] };
}
