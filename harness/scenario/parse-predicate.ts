import { renderPredicate, type ComparisonOp, type Predicate, type PredicateLiteral } from '../values/index.ts';

/** Where a `where` text stops making sense: the character offset and what was expected. */
export class PredicateSyntaxError extends Error {
  readonly code = 'BAD_PREDICATE';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'PredicateSyntaxError';
  }
}

type Token =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'ident'; text: string; at: number }
  | { kind: 'string'; text: string; at: number }
  | { kind: 'number'; text: string; at: number }
  | { kind: 'symbol'; text: string; at: number }
  | { kind: 'end'; text: ''; at: number };

const SYMBOLS = ['<>', '!=', '<=', '>=', '=', '<', '>', '(', ')', ','];

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const at = i;
    if (c === "'") {
      let s = '';
      for (i++; ; i++) {
        if (i >= text.length) throw new PredicateSyntaxError('unterminated string literal', at);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            s += "'";
            i++;
            continue;
          }
          i++;
          break;
        }
        s += text[i];
      }
      out.push({ kind: 'string', text: s, at });
    } else if (c === '"' || c === '`') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw new PredicateSyntaxError(`unterminated quoted column name`, at);
      out.push({ kind: 'ident', text: text.slice(i + 1, end), at });
      i = end + 1;
    } else if (/[-\d.]/.test(c) && /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.test(text.slice(i))) {
      const m = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text.slice(i))!;
      out.push({ kind: 'number', text: m[0], at });
      i += m[0].length;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      const m = /^[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/.exec(text.slice(i))!;
      out.push({ kind: 'word', text: m[0], at });
      i += m[0].length;
    } else {
      const sym = SYMBOLS.find((s) => text.startsWith(s, i));
      if (!sym) throw new PredicateSyntaxError(`unexpected character '${c}'`, at);
      out.push({ kind: 'symbol', text: sym, at });
      i += sym.length;
    }
  }
  out.push({ kind: 'end', text: '', at: text.length });
  return out;
}

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'BETWEEN', 'IN', 'IS', 'NULL', 'LIKE', 'TRUE', 'FALSE']);

/**
 * Parses a read step's `where` into the portable predicate tree. The grammar is the part of SQL
 * every engine shares: `col = | <> | < | <= | > | >= literal`, `[NOT] BETWEEN a AND b`,
 * `[NOT] IN (…)`, `IS [NOT] NULL`, `[NOT] LIKE 'prefix%'`, `AND`, `OR`, `NOT` and parentheses;
 * the column comes first, literals are numbers, 'strings' (a quote doubled), TRUE, FALSE and
 * NULL, read by the column's type. Column names may be quoted with "…" or `…`.
 */
export function parsePredicate(text: string): Predicate {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos]!;
  const next = () => tokens[pos++]!;
  const isWord = (t: Token, w: string) => t.kind === 'word' && t.text.toUpperCase() === w;
  const accept = (w: string) => (isWord(peek(), w) ? (pos++, true) : false);
  const expectSymbol = (s: string) => {
    const t = next();
    if (t.kind !== 'symbol' || t.text !== s) throw new PredicateSyntaxError(`expected '${s}'${describe(t)}`, t.at);
  };
  const describe = (t: Token) => (t.kind === 'end' ? ' at the end' : `, found '${t.kind === 'string' ? `'${t.text}'` : t.text}'`);

  const literal = (): PredicateLiteral => {
    const t = next();
    if (t.kind === 'number') return Number(t.text) === Number(t.text) && String(Number(t.text)) === t.text ? Number(t.text) : t.text;
    if (t.kind === 'string') return t.text;
    if (isWord(t, 'TRUE')) return true;
    if (isWord(t, 'FALSE')) return false;
    if (isWord(t, 'NULL')) return null;
    throw new PredicateSyntaxError(`expected a literal (number, 'string', TRUE, FALSE or NULL)${describe(t)}`, t.at);
  };

  const leaf = (): Predicate => {
    const t = next();
    if (!(t.kind === 'ident' || (t.kind === 'word' && !KEYWORDS.has(t.text.toUpperCase())))) {
      throw new PredicateSyntaxError(`expected a column name${describe(t)}`, t.at);
    }
    const column = t.text;
    const op = peek();
    if (op.kind === 'symbol' && ['=', '<>', '!=', '<', '<=', '>', '>='].includes(op.text)) {
      pos++;
      return { op: (op.text === '!=' ? '<>' : op.text) as ComparisonOp, column, value: literal() };
    }
    if (accept('IS')) {
      const negated = accept('NOT');
      const n = next();
      if (!isWord(n, 'NULL')) throw new PredicateSyntaxError(`expected NULL after IS${negated ? ' NOT' : ''}${describe(n)}`, n.at);
      return { op: negated ? 'is-not-null' : 'is-null', column };
    }
    const negated = accept('NOT');
    if (accept('BETWEEN')) {
      const low = literal();
      const and = next();
      if (!isWord(and, 'AND')) throw new PredicateSyntaxError(`expected AND in BETWEEN${describe(and)}`, and.at);
      return { op: negated ? 'not-between' : 'between', column, low, high: literal() };
    }
    if (accept('IN')) {
      expectSymbol('(');
      const values = [literal()];
      while (peek().kind === 'symbol' && peek().text === ',') {
        pos++;
        values.push(literal());
      }
      expectSymbol(')');
      return { op: negated ? 'not-in' : 'in', column, values };
    }
    if (accept('LIKE')) {
      const p = next();
      const prefix = p.kind === 'string' ? /^([^%_]*)%$/.exec(p.text)?.[1] : undefined;
      if (prefix === undefined) throw new PredicateSyntaxError(`LIKE takes a prefix pattern 'abc%' (no other % or _)${describe(p)}`, p.at);
      return { op: negated ? 'not-starts-with' : 'starts-with', column, prefix };
    }
    const bad = peek();
    throw new PredicateSyntaxError(
      `expected a comparison (=, <>, <, <=, >, >=), [NOT] BETWEEN, [NOT] IN, IS [NOT] NULL or [NOT] LIKE after '${column}'${describe(bad)}`,
      bad.at,
    );
  };

  const primary = (): Predicate => {
    if (accept('NOT')) return { op: 'not', arg: primary() };
    if (peek().kind === 'symbol' && peek().text === '(') {
      pos++;
      const inner = or();
      expectSymbol(')');
      return inner;
    }
    return leaf();
  };
  const and = (): Predicate => {
    const args = [primary()];
    while (accept('AND')) args.push(primary());
    return args.length === 1 ? args[0]! : { op: 'and', args };
  };
  const or = (): Predicate => {
    const args = [and()];
    while (accept('OR')) args.push(and());
    return args.length === 1 ? args[0]! : { op: 'or', args };
  };

  const tree = or();
  const rest = peek();
  if (rest.kind !== 'end') throw new PredicateSyntaxError(`unexpected '${rest.text}' after a complete condition`, rest.at);
  return tree;
}

/** A predicate as `where` text again (the printer of generated and updated scenarios). */
export function printPredicate(p: Predicate): string {
  return renderPredicate(p, {
    column: (c) => (/^[A-Za-z_][\w$]*$/.test(c) && !KEYWORDS.has(c.toUpperCase()) ? c : `"${c}"`),
    literal: (v) =>
      v === null
        ? 'NULL'
        : typeof v === 'boolean'
          ? v
            ? 'TRUE'
            : 'FALSE'
          : typeof v === 'number'
            ? String(v)
            : `'${v.replace(/'/g, "''")}'`,
  });
}
