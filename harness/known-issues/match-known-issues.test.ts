import { describe, expect, it } from 'vitest';
import type { KnownIssue } from './known-issue.ts';
import { appliesTo, findKnownIssue, hangTimeoutMs } from './match-known-issues.ts';

const issue: KnownIssue = {
  id: 'x',
  scenario: ['ts-ms', 'ts-us'],
  step: 'stored digits',
  engine: ['pypaimon', 'paimon-java'],
  params: { format: 'orc', precision: [0, 1] },
  signature: '\\+ 1 \\| .*\\.123456789',
  layer: 'writer',
  reason: 'r',
  expires: '2027-01-01',
};
const site = {
  scenarioName: 'ts-ms',
  instanceId: 'f.yaml#ts-ms[precision=1,format=orc]',
  params: { precision: 1, format: 'orc' },
  stepName: 'stored digits',
  engine: 'paimon-java',
};

describe('known issues', () => {
  it('applies by scenario, step, engine and matrix cell (lists match any value)', () => {
    expect(appliesTo(issue, site, '2026-11-21')).toBe(true);
    expect(appliesTo(issue, { ...site, params: { precision: 2, format: 'orc' } }, '2026-11-21')).toBe(false);
    expect(appliesTo(issue, { ...site, engine: 'spark' }, '2026-11-21')).toBe(false);
    expect(appliesTo(issue, { ...site, stepName: 'other' }, '2026-11-21')).toBe(false);
    expect(appliesTo(issue, { ...site, scenarioName: 'ts-ns' }, '2026-11-21')).toBe(false);
  });

  it("scopes by the catalog server's release: --catalog-paimon, else the cell's own", () => {
    const old = { ...issue, 'catalog-paimon': '<1.2.0' };
    expect(appliesTo(old, { ...site, paimon: '1.3.1', catalogPaimon: '1.1.1' }, '2026-11-21')).toBe(true);
    expect(appliesTo(old, { ...site, paimon: '1.3.1' }, '2026-11-21')).toBe(false);
    expect(appliesTo(old, { ...site, paimon: '1.1.1' }, '2026-11-21')).toBe(true);
    expect(appliesTo(old, site, '2026-11-21')).toBe(false);
  });

  it('needs the failure to match the signature', () => {
    expect(findKnownIssue([issue], site, 'rows\n+ 1 | 2024-05-01 12:34:56.123456789', '2026-11-21')?.id).toBe('x');
    expect(findKnownIssue([issue], site, 'rows\n+ 1 | 2024-05-01 12:34:56', '2026-11-21')).toBeUndefined();
  });

  it('applies only to the Paimon versions of its range', () => {
    const ranged = { ...issue, paimon: '<1.4' };
    expect(appliesTo(ranged, { ...site, paimon: '1.3.1' }, '2026-11-21')).toBe(true);
    expect(appliesTo(ranged, { ...site, paimon: '1.4.2' }, '2026-11-21')).toBe(false);
    expect(appliesTo(ranged, site, '2026-11-21')).toBe(false);
  });

  it("scoped by the writing clients: a cross cell's writer release, a plain cell's own", () => {
    const old = { ...issue, paimon: '>=2.0.0', writer: '<2.0.0' };
    expect(appliesTo(old, { ...site, paimon: '2.0.0', writer: '1.4.2' }, '2026-11-21')).toBe(true);
    expect(appliesTo(old, { ...site, paimon: '2.0.0', writer: '2.0.0' }, '2026-11-21')).toBe(false);
    expect(appliesTo(old, { ...site, paimon: '2.0.0' }, '2026-11-21')).toBe(false);
    expect(appliesTo({ ...issue, writer: '<2.0.0' }, { ...site, paimon: '1.4.2' }, '2026-11-21')).toBe(true);
  });

  it('stops applying after its expiry date', () => {
    expect(appliesTo(issue, site, '2027-01-02')).toBe(false);
  });

  it('scoped by step kind, for every scenario when it names none; a hang entry gives its time limit there', () => {
    const hang: KnownIssue = {
      id: 'h',
      kind: 'insert',
      engine: 'pypaimon',
      writer: '>=1.3.0 <1.4.0',
      timeout: 8,
      layer: 'writer',
      reason: 'r',
    };
    const insert = {
      scenarioName: 'any',
      instanceId: 'a.yaml#any',
      params: {},
      stepName: 'first insert',
      kind: 'insert',
      engine: 'pypaimon',
      paimon: '1.4.2',
      writer: '1.3.1',
    };
    expect(appliesTo(hang, insert, '2026-11-23')).toBe(true);
    expect(appliesTo(hang, { ...insert, kind: 'read' }, '2026-11-23')).toBe(false);
    expect(appliesTo(hang, { ...insert, kind: undefined }, '2026-11-23')).toBe(false);
    expect(appliesTo(hang, { ...insert, writer: '1.4.2' }, '2026-11-23')).toBe(false);
    expect(hangTimeoutMs([issue, hang], insert, '2026-11-23')).toBe(8_000);
    expect(appliesTo(hang, { ...insert, expectedError: 'permission-denied' }, '2026-11-23')).toBe(false);
    // Named by its step, a hang entry holds for a refusal that never comes.
    expect(appliesTo({ ...hang, step: 'first insert' }, { ...insert, expectedError: 'invalid-argument' }, '2026-11-23')).toBe(true);
    expect(hangTimeoutMs([{ ...hang, timeout: undefined }], insert, '2026-11-23')).toBeUndefined();
    expect(hangTimeoutMs([hang], { ...insert, engine: 'paimon-java' }, '2026-11-23')).toBeUndefined();
  });

  it('scoped by client release: a client variant row differs from its release only there', () => {
    const old: KnownIssue = { ...issue, clients: { pypaimon: '<2.1.0' } };
    const cell = (pypaimon?: string) => ({
      ...site,
      paimon: '2.0.0+pypaimon-2.1.0',
      clients: pypaimon ? { pypaimon, 'paimon-rust': '0.4.0' } : undefined,
    });
    expect(appliesTo(old, cell('2.0.0'), '2026-11-23')).toBe(true);
    expect(appliesTo(old, cell('2.1.0'), '2026-11-23')).toBe(false);
    expect(appliesTo(old, cell(undefined), '2026-11-23')).toBe(false);
    expect(appliesTo({ ...issue, paimon: '>=2.0.0' }, cell('2.1.0'), '2026-11-23')).toBe(true);
  });

  it("scoped by catalog server: an entry for pypaimon's server does not apply to Paimon's Java one", () => {
    const py: KnownIssue = { ...issue, server: 'python' };
    expect(appliesTo(py, { ...site, server: 'python' }, '2026-11-23')).toBe(true);
    expect(appliesTo(py, site, '2026-11-23')).toBe(false);
    expect(appliesTo({ ...issue, server: 'java' }, site, '2026-11-23')).toBe(true);
  });
});
