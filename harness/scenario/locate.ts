import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Loc } from './problem.ts';

/** Maps YAML nodes and document paths to `{file, line, col}`. */
export class Locator {
  constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  at(offset: number): Loc {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, col };
  }

  ofNode(node: Node | null | undefined): Loc {
    return this.at(node?.range?.[0] ?? 0);
  }

  /** The node at `path`, or the nearest existing ancestor when the path runs out. */
  nodeAt(path: readonly PropertyKey[]): { node: Node | undefined; exact: boolean } {
    let node: unknown = this.doc.contents;
    for (let i = 0; i < path.length; i++) {
      const key = path[i];
      let next: unknown;
      if (isMap(node)) next = node.items.find((p) => isScalar(p.key) && p.key.value === key)?.value;
      else if (isSeq(node) && typeof key === 'number') next = node.items[key];
      if (next === undefined || next === null) return { node: node as Node, exact: false };
      node = next;
    }
    return { node: node as Node, exact: true };
  }

  ofPath(path: readonly PropertyKey[]): Loc {
    return this.ofNode(this.nodeAt(path).node);
  }

  /**
   * Location of the character at `offset` inside the string scalar at `path` (a plain or a quoted
   * one-line string; any other node gives its own start).
   */
  insideString(path: readonly PropertyKey[], offset: number): Loc {
    const { node, exact } = this.nodeAt(path);
    if (!exact || !isScalar(node) || !node.range) return this.ofNode(node);
    if (node.type === 'PLAIN') return this.at(node.range[0] + offset);
    if (node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE') return this.at(node.range[0] + 1 + offset);
    return this.ofNode(node);
  }

  /** Location of a key (not its value) inside the map at `path`. */
  ofKey(path: readonly PropertyKey[], key: string): Loc {
    const { node } = this.nodeAt(path);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key)) return this.ofNode(pair.key);
    }
    return this.ofNode(node);
  }
}
