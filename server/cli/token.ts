// `npm run cli -- token create --user NAME [--name PURPOSE]`, `token list`, `token revoke ID`:
// API tokens for /api/v1, printed once at creation and stored hashed.
import { parseArgs, withDatabase } from './_open.ts';
import { findUserByUsername } from '../queries/users.ts';
import { issueToken, listTokens, revokeToken } from '../queries/tokens.ts';
import { audit } from '../queries/audit.ts';

export async function run(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const { flags, positional } = parseArgs(rest);
  if (command === 'create') {
    const username = flags.user;
    if (!username || username === 'true') {
      process.stderr.write('usage: npm run cli -- token create --user NAME [--name PURPOSE]\n');
      return 2;
    }
    return withDatabase(async ({ sql }) => {
      const user = await findUserByUsername(sql, username);
      if (!user || !user.active) {
        process.stderr.write(`no active user named "${username}"\n`);
        return 1;
      }
      const now = new Date();
      const name = flags.name && flags.name !== 'true' ? flags.name : 'cli';
      const { token, id } = await issueToken(sql, user.id, name, null, now);
      await audit(sql, { at: now, actorId: null, actorName: 'cli', action: 'token.issue', target: `token:${id}`, detail: { user: user.username, name } });
      process.stdout.write(`${token}\n`);
      process.stderr.write(`token ${id} for ${user.username} (${user.roles.join(', ') || 'no roles'}); shown once, store it now\n`);
      return 0;
    });
  }
  if (command === 'list') {
    return withDatabase(async ({ sql }) => {
      for (const t of await listTokens(sql)) {
        process.stdout.write(`${t.id}\t${t.prefix}…\t${t.username}\t${t.name}\t${t.revoked_at ? 'revoked' : 'active'}\n`);
      }
      return 0;
    });
  }
  if (command === 'revoke') {
    const id = Number(positional[0]);
    if (!Number.isInteger(id)) {
      process.stderr.write('usage: npm run cli -- token revoke ID\n');
      return 2;
    }
    return withDatabase(async ({ sql }) => {
      const now = new Date();
      const row = await revokeToken(sql, id, now);
      if (!row) {
        process.stderr.write(`no active token ${id}\n`);
        return 1;
      }
      await audit(sql, { at: now, actorId: null, actorName: 'cli', action: 'token.revoke', target: `token:${id}` });
      process.stdout.write(`revoked token ${id}\n`);
      return 0;
    });
  }
  process.stderr.write('usage: npm run cli -- token <create --user NAME | list | revoke ID>\n');
  return 2;
}
