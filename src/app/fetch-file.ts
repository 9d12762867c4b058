// Fetches a file named by a link (?file=URL, ?predictions=URL, the demo set, a tour's files) as a
// File, or fails with a FetchFileError whose message names the URL and what went wrong, in words a
// user can act on (issue 18 item 5):
// - 'unreachable': the request failed and a no-cors probe of the same URL failed too (connection
//   refused, no such host, offline);
// - 'cors': the request failed but the no-cors probe got an (opaque) answer: the server is there
//   and does not let this page read the file (no Access-Control-Allow-Origin for this origin); under
//   COEP require-corp (not what the app's hosts send: README) the probe itself is blocked, and such a
//   server reads as 'unreachable';
// - 'http': the server answered with a status other than 2xx (404, 500, ...);
// - 'html': the bytes are an HTML page (decided by content, never by Content-Type: a page that
//   shows a file instead of the file, a login page, a host's 404 page sent as 200);
// - 'too-large': the file is over the cap (`maxBytes`): refused from its Content-Length before a
//   byte of the body is read, else counted while it streams and stopped as it passes the cap.
//   `needMb` is what a user can raise the cap to ("load anyway up to N MB" / ?maxmb=N).
// Nothing else is thrown. The bytes are held in memory as the File (a link's file is downloaded
// whole; a file from disk is read in place), which is what the cap is for.

/**
 * The default cap on a file opened by link, MB. A link's file is downloaded whole into the tab's
 * memory before it opens; 512 MB holds any WOMD sample, a validation shard or a whole submission,
 * and a wrong link to a multi-GB object fails at once instead of filling the tab's memory (and
 * the user's bandwidth). Raised per page by ?maxmb=N or the "load anyway" button.
 */
export const DEFAULT_MAX_MB = 512;
const MB = 2 ** 20;

export type FetchFailure = 'unreachable' | 'cors' | 'http' | 'html' | 'too-large' | 'bad-url';

export class FetchFileError extends Error {
  constructor(
    readonly url: string,
    readonly kind: FetchFailure,
    /** What went wrong, without the URL. */
    readonly reason: string,
    /** For 'too-large': the cap, MB, that would let the file load (its size rounded up, when known). */
    readonly needMb: number | null = null,
  ) {
    super(`${url}: ${reason}`);
    this.name = 'FetchFileError';
  }
}

/** How many leading bytes are looked at for an HTML page (a doctype or tag comes first, after a BOM or spaces). */
const HTML_PEEK = 512;
/** The starts of an HTML document (lower-cased, after whitespace and a BOM). */
const HTML_START = /^(<!doctype html|<html|<head|<body|<!--|<meta|<title|<script)/;

/** Whether these first bytes are an HTML page rather than data (see the header). */
export function looksLikeHtml(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(head.subarray(0, HTML_PEEK))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return HTML_START.test(text);
}

const mb = (bytes: number) => (bytes / MB).toFixed(1);

/** The file name a URL names: its last path segment, decoded (the whole URL when it has none). */
export function urlFileName(url: string): string {
  try {
    const seg = new URL(url, location.href).pathname.split('/').pop() || url;
    try {
      return decodeURIComponent(seg);
    } catch {
      return seg; // a malformed %-escape: the segment as it is
    }
  } catch {
    return url;
  }
}

/** Why `fetch` rejected: a no-cors probe tells a server that refuses to share from one that is not there. */
async function whyUnfetched(url: URL, shown: string): Promise<FetchFileError> {
  if (url.origin !== location.origin) {
    try {
      await fetch(url, { mode: 'no-cors', cache: 'no-store' });
      return new FetchFileError(
        shown,
        'cors',
        `the server answered but does not let this page read the file (it sends no ` +
          `Access-Control-Allow-Origin header for ${location.origin}): download the file and open it from ` +
          `your disk, or serve it with CORS`,
      );
    } catch {
      // not there either: unreachable
    }
  }
  return new FetchFileError(
    shown,
    'unreachable',
    'could not be reached (the connection was refused, the host is unknown or you are offline)',
  );
}

/** Fetches `url` as a File of at most `maxBytes` (see the header); throws FetchFileError only. */
export async function fetchFile(url: string, maxBytes = DEFAULT_MAX_MB * MB): Promise<File> {
  let abs: URL;
  try {
    abs = new URL(url, location.href);
  } catch {
    throw new FetchFileError(url, 'bad-url', 'not a valid URL');
  }
  let res: Response;
  try {
    res = await fetch(abs);
  } catch {
    throw await whyUnfetched(abs, url);
  }
  if (!res.ok) {
    void res.body?.cancel().catch(() => undefined);
    throw new FetchFileError(url, 'http', `the server answered HTTP ${res.status} ${res.statusText}`.trim());
  }
  // the cap as shown (a link may set a fraction of a MB) and as raised: never below 1 MB
  const capMb = +(maxBytes / MB).toFixed(2);
  const declared = Number(res.headers.get('Content-Length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    void res.body?.cancel().catch(() => undefined);
    throw new FetchFileError(
      url,
      'too-large',
      `the file is ${mb(declared)} MB, over the ${capMb} MB cap for a file opened by link (it would be ` +
        `downloaded whole into the tab's memory); nothing was downloaded`,
      Math.ceil(declared / MB),
    );
  }
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  let checked = false;
  const reader = res.body?.getReader();
  try {
    for (;;) {
      const { done, value } = reader ? await reader.read() : { done: true, value: undefined };
      if (value) {
        chunks.push(value as Uint8Array<ArrayBuffer>);
        total += value.length;
      }
      if (!checked && (done || total >= HTML_PEEK)) {
        checked = true;
        if (looksLikeHtml(joinHead(chunks)))
          throw new FetchFileError(
            url,
            'html',
            'an HTML page, not a scenario or predictions file: the link leads to a web page (a preview, a ' +
              'login or an error page); use the link that downloads the file itself',
          );
      }
      if (total > maxBytes)
        throw new FetchFileError(
          url,
          'too-large',
          `passed the ${capMb} MB cap for a file opened by link after ${mb(total)} MB (the server did not ` +
            `say its size; the download was stopped)`,
          Math.max(1, Math.ceil(capMb * 4)),
        );
      if (done) break;
    }
  } catch (e) {
    void reader?.cancel().catch(() => undefined);
    if (e instanceof FetchFileError) throw e;
    throw new FetchFileError(
      url,
      'unreachable',
      `the download broke off after ${mb(total)} MB: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  return new File(chunks, urlFileName(url));
}

/** The first HTML_PEEK bytes of the chunks so far. */
function joinHead(chunks: Uint8Array[]): Uint8Array {
  const head = new Uint8Array(
    Math.min(
      HTML_PEEK,
      chunks.reduce((n, c) => n + c.length, 0),
    ),
  );
  let at = 0;
  for (const c of chunks) {
    if (at >= head.length) break;
    const part = c.subarray(0, head.length - at);
    head.set(part, at);
    at += part.length;
  }
  return head;
}
