// Shared setup of the knowledge owners' HTTP tests: the app and a multipart library upload.
import { testApp, type Client } from '../support/app.ts';

export type OwnerT = Awaited<ReturnType<typeof testApp>>;

/** The console with the demo centre. */
export async function ownerApp(): Promise<OwnerT> {
  return testApp();
}

/** Uploads a library (objects or raw text) to /knowledge/import as a browser would (multipart). */
export async function importLibrary(client: Client, lines: readonly object[] | string, options: { publish?: boolean; name?: string } = {}): Promise<Response> {
  const text = typeof lines === 'string' ? lines : lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
  const form = new FormData();
  form.set('_csrf', client.csrf());
  form.set('file', new File([text], options.name ?? 'lib.jsonl', { type: 'application/x-ndjson' }));
  if (options.publish) form.set('publish', '1');
  return client.request('/knowledge/import', { method: 'POST', body: form });
}
