import { describe, expect, it } from 'vitest';
import { classifyError } from './classify-error.ts';

describe('classifyError', () => {
  it.each([
    ['org.apache.paimon.catalog.Catalog$TableNoPermissionException', 'Table db.t has no permission', 'permission-denied'],
    [undefined, "Forbidden: User alice doesn't have privilege LIST on DATABASE db", 'permission-denied'],
    ['org.apache.paimon.catalog.Catalog$TableNotExistException', 'Table db.t does not exist.', 'not-found'],
    ['pypaimon.catalog.catalog_exception.TableNotExistException', 'Table db.t does not exist', 'not-found'],
    ['org.apache.spark.sql.AnalysisException', '[TABLE_OR_VIEW_NOT_FOUND] The table cannot be found', 'not-found'],
    ['org.apache.paimon.catalog.Catalog$TableAlreadyExistException', 'Table db.t already exists.', 'already-exists'],
    ['java.lang.UnsupportedOperationException', 'nope', 'unsupported'],
    ['pypaimon.api.rest_exception.NotImplementedException', 'Cannot change deletion vectors mode', 'unsupported'], // the catalog's 501
    ['builtins.ValueError', 'Ending timestamp 1 should be >= starting timestamp 2.', 'invalid-argument'],
    ['org.apache.paimon.rest.exceptions.NotAuthorizedException', 'Not authorized', 'unauthenticated'],
    ['java.lang.RuntimeException', 'boom', 'engine-error'],
  ])('%s: %s -> %s', (exception, message, cls) => {
    expect(classifyError(exception, message)).toBe(cls);
  });
});
