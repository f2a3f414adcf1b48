import { PAIMON_VERSIONS, resolveSourceRow, sourceRef, versionRow } from '../provisioning/index.ts';
import { UsageError } from './cli-output.ts';

/** One version of the table (or a row built from source), or a usage error naming the flag and the versions there are. */
function checkVersion(v: string, flag: string): string {
  if (!versionRow(v))
    throw new UsageError(
      `${flag}: Paimon ${v} is not in the version table (known: ${PAIMON_VERSIONS.map((r) => r.paimon).join(', ')}, all, or git:<ref> with PAIMON_INTEROP_PAIMON_GIT set)`,
    );
  return v;
}

/**
 * A version argument with its `git:<ref>` items resolved into rows built from Paimon's sources
 * (their ids, e.g. `2.0.0+git.release-2-0-0.604e6d5e13`): done once, before cells are planned.
 */
export async function resolveSourceVersions(spec: string | undefined): Promise<string | undefined> {
  if (spec === undefined || !spec.includes('git:')) return spec;
  const out: string[] = [];
  for (const item of spec
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)) {
    const ref = sourceRef(item);
    if (ref !== undefined && !/^[\w./@^~-]+$/.test(ref))
      throw new UsageError(`git:${ref}: not a git ref (letters, digits and . / _ - @ ^ ~ only)`);
    out.push(ref === undefined ? item : (await resolveSourceRow(ref)).paimon);
  }
  return out.join(',');
}

/** A comma list, trimmed, empty items dropped. */
const commaList = (s: string): string[] =>
  s
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** `--paimon`-style arguments: `all` (every row, newest first) or a comma list of versions of the table. */
export function paimonVersions(spec: string, flag: string): string[] {
  return spec === 'all' ? PAIMON_VERSIONS.map((r) => r.paimon) : commaList(spec).map((v) => checkVersion(v, flag));
}

/** One cell of a run: a version row, optionally written by another release's clients or served by another release's catalog. */
export interface Cell {
  paimon?: string;
  writer?: string;
  /** The catalog server's release (`--catalog-paimon`), where it differs from the cell's. */
  catalogRelease?: string;
}

/**
 * The matrix cells a run covers. `--paimon`: one cell per version (default: the default row).
 * `--cross A>B,...` adds writer>reader cells (tables written by A's clients, read by B's, on B's
 * catalog), `--cross all` every ordered pair of the --paimon versions (of the whole table when
 * --paimon is not given; then only the pairs run). `--catalog-paimon` sets every cell's catalog.
 */
export function planCells(paimon: string | undefined, cross: string | undefined, catalogRelease?: string): Cell[] {
  const versions = paimon === undefined ? undefined : paimonVersions(paimon, '--paimon');
  if (catalogRelease !== undefined) checkVersion(catalogRelease, '--catalog-paimon');
  const cells: Cell[] = versions ? versions.map((v) => ({ paimon: v })) : cross === undefined ? [{ paimon: undefined }] : [];
  if (cross !== undefined) {
    if (cross === 'all') {
      const among = versions ?? paimonVersions('all', '--cross');
      if (among.length < 2) throw new UsageError('--cross all needs two or more versions in --paimon');
      for (const writer of among) for (const reader of among) if (writer !== reader) cells.push({ paimon: reader, writer });
    } else {
      for (const pair of commaList(cross)) {
        const m = /^([^>]+)>([^>]+)$/.exec(pair);
        if (!m) throw new UsageError(`--cross takes writer>reader pairs such as 1.1.1>2.0.0, or all (got '${pair}')`);
        const [writer, reader] = [checkVersion(m[1]!.trim(), '--cross'), checkVersion(m[2]!.trim(), '--cross')];
        if (writer === reader)
          throw new UsageError(`--cross ${pair}: writer and reader are the same version (that is the plain cell --paimon ${writer})`);
        cells.push({ paimon: reader, writer });
      }
    }
  }
  return catalogRelease === undefined ? cells : cells.map((c) => ({ ...c, catalogRelease }));
}
