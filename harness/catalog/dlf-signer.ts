import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The DLF4-HMAC-SHA256 request signature Paimon's REST clients send with
 * `token.provider=dlf` (Java DLFDefaultSigner, pypaimon's DLF signer): implemented here to
 * verify principals at the access-control proxy and to sign the harness's own catalog calls.
 */
const ALGORITHM = 'DLF4-HMAC-SHA256';
const PRODUCT = 'DlfNext';
const REQUEST_TYPE = 'aliyun_v4_request';
const UNSIGNED = 'UNSIGNED-PAYLOAD';
const SIGNED_HEADERS = ['content-md5', 'content-type', 'x-dlf-content-sha256', 'x-dlf-date', 'x-dlf-version', 'x-dlf-security-token'];

export interface DlfCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** What is signed: method, resource path (no query), query parameters (decoded), headers. */
export interface SignableRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
}

const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** `yyyyMMdd'T'HHmmss'Z'` in UTC. */
export const dlfDateTime = (now: Date) =>
  now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/** Headers a client adds before signing (date, payload marker, version, body digest). */
export function dlfSignHeaders(body: string | undefined, now: Date, securityToken?: string): Record<string, string> {
  const h: Record<string, string> = { 'x-dlf-date': dlfDateTime(now), 'x-dlf-content-sha256': UNSIGNED, 'x-dlf-version': 'v1' };
  if (body) {
    h['content-type'] = 'application/json';
    h['content-md5'] = createHash('md5').update(body, 'utf8').digest('base64');
  }
  if (securityToken) h['x-dlf-security-token'] = securityToken;
  return h;
}

function canonicalRequest(req: SignableRequest): string {
  const lower = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const query = Object.keys(req.query)
    .sort()
    .map((k) => (req.query[k] ? `${k.trim()}=${req.query[k]!.trim()}` : k.trim()))
    .join('&');
  const headers = SIGNED_HEADERS.filter((k) => lower[k] !== undefined)
    .sort()
    .map((k) => `${k}:${lower[k]!.trim()}`);
  return [req.method, req.path, query, ...headers, lower['x-dlf-content-sha256'] ?? UNSIGNED].join('\n');
}

/** The `Authorization` header value for a request whose sign headers are already set. */
export function dlfAuthorization(req: SignableRequest, cred: DlfCredentials, region: string): string {
  const dateTime = Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'x-dlf-date')?.[1] ?? '';
  const date = dateTime.slice(0, 8);
  const scope = `${date}/${region}/${PRODUCT}/${REQUEST_TYPE}`;
  const stringToSign = [ALGORITHM, dateTime, scope, sha256Hex(canonicalRequest(req))].join('\n');
  let key = hmac(`aliyun_v4${cred.accessKeySecret}`, date);
  for (const part of [region, PRODUCT, REQUEST_TYPE]) key = hmac(key, part);
  const signature = hmac(key, stringToSign).toString('hex');
  return `${ALGORITHM} Credential=${cred.accessKeyId}/${scope},Signature=${signature}`;
}

/** Parses `DLF4-HMAC-SHA256 Credential=AK/date/region/DlfNext/aliyun_v4_request,Signature=hex`. */
export function parseDlfAuthorization(
  header: string,
): { accessKeyId: string; date: string; region: string; signature: string } | undefined {
  const m = /^DLF4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/DlfNext\/aliyun_v4_request,\s*Signature=([0-9a-f]+)$/.exec(
    header.trim(),
  );
  return m ? { accessKeyId: m[1]!, date: m[2]!, region: m[3]!, signature: m[4]! } : undefined;
}

/** Verifies a signed request against the secret of the access key it names. */
export function verifyDlfRequest(
  req: SignableRequest,
  secretOf: (accessKeyId: string) => string | undefined,
): { ok: true; accessKeyId: string } | { ok: false; reason: string } {
  const header = Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'authorization')?.[1];
  const parsed = header ? parseDlfAuthorization(header) : undefined;
  if (!parsed) return { ok: false, reason: 'no DLF4-HMAC-SHA256 authorization header' };
  const secret = secretOf(parsed.accessKeyId);
  if (secret === undefined) return { ok: false, reason: `unknown access key ${parsed.accessKeyId.slice(0, 4)}***` };
  const expected = parseDlfAuthorization(
    dlfAuthorization(req, { accessKeyId: parsed.accessKeyId, accessKeySecret: secret }, parsed.region),
  )!;
  const a = Buffer.from(expected.signature);
  const b = Buffer.from(parsed.signature);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, reason: 'signature mismatch' };
  return { ok: true, accessKeyId: parsed.accessKeyId };
}
