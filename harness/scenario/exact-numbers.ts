import { isScalar, visit, type Document } from 'yaml';
import { numberText } from '../values/index.ts';
import type { Locator } from './locate.ts';
import { problem, type Problem } from './problem.ts';

/** `sign digits e exponent` with no leading or trailing zeros: one spelling per decimal value. */
function decimalIdentity(text: string): string | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.replace(/_/g, ''));
  if (!m) return undefined;
  const [, sign, whole = '', frac = '', exp = '0'] = m;
  let digits = (whole + frac).replace(/^0+/, '');
  let exponent = Number(exp) - frac.length;
  if (!digits) return '0';
  const trailing = /0+$/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(0, digits.length - trailing);
  exponent += trailing;
  return `${sign === '-' ? '-' : ''}${digits}e${exponent}`;
}

/**
 * YAML numbers become doubles: `9007199254740993` or `0.1000000000000000055` would silently
 * turn into another value. Every number in a scenario must survive that exactly (as its
 * shortest spelling); one that does not is a located problem asking for a quoted string.
 */
export function inexactNumbers(doc: Document, loc: Locator): Problem[] {
  const problems: Problem[] = [];
  visit(doc, {
    Scalar(_, node) {
      if (!isScalar(node) || typeof node.value !== 'number' || node.source === undefined) return;
      const written = String(node.source);
      if (/^[+-]?\.(inf|nan)$/i.test(written)) return;
      const exact = /^0[xo]/i.test(written)
        ? Number.isSafeInteger(node.value)
        : decimalIdentity(written) === decimalIdentity(numberText(node.value));
      if (!exact) {
        problems.push(
          problem(
            'INEXACT_NUMBER',
            `the number ${written} cannot be carried exactly (it would become ${numberText(node.value)}): write it as a string, '${written}'`,
            loc.ofNode(node),
          ),
        );
      }
    },
  });
  return problems;
}
