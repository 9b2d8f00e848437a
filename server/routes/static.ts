// Static assets served from memory: htmx from node_modules (pinned major, no CDN) and every file
// in views/static/ (CSS, JS, icons, demo recordings), read once at start.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SecureRouter } from '../http/access.ts';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const viewsStatic = join(here, '..', '..', 'views', 'static');

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
};

function load(path: string): Asset {
  const body = readFileSync(path);
  const ext = path.slice(path.lastIndexOf('.'));
  return { body, type: TYPES[ext] ?? 'application/octet-stream', etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"` };
}

/** The asset table: URL name → file. Read once at start. */
export function loadAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  assets.set('htmx.min.js', load(join(dirname(require.resolve('htmx.org/package.json')), 'dist', 'htmx.min.js')));
  for (const name of readdirSync(viewsStatic)) {
    if (/^[\w.-]+$/.test(name) && statSync(join(viewsStatic, name)).isFile()) assets.set(name, load(join(viewsStatic, name)));
  }
  return assets;
}

export function registerStatic(r: SecureRouter): void {
  const assets = loadAssets();
  r.get('/static/:name', 'public', (c) => {
    const asset = assets.get(c.req.param('name') ?? '');
    if (!asset) return c.notFound();
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304);
    c.header('Content-Type', asset.type);
    c.header('ETag', asset.etag);
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Accept-Ranges', 'bytes');
    const range = parseRange(c.req.header('range'), asset.body.length);
    if (range === 'invalid') {
      c.header('Content-Range', `bytes */${asset.body.length}`);
      return c.body(null, 416);
    }
    if (range) {
      c.header('Content-Range', `bytes ${range.start}-${range.end}/${asset.body.length}`);
      return c.body(new Uint8Array(asset.body.subarray(range.start, range.end + 1)), 206);
    }
    return c.body(new Uint8Array(asset.body));
  });
}

/**
 * The byte range a `Range` header asks for (one range only), null for none, 'invalid' when it
 * cannot be satisfied. Audio players need this to seek.
 * @example parseRange('bytes=0-99', 1000) // { start: 0, end: 99 }
 */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'invalid' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'invalid';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'invalid';
  return { start, end };
}
