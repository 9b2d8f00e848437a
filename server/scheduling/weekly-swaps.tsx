// The agent's side of the weekly adjustment: "my schedule" with recent changes highlighted, and shift swap requests
// (request, checked against the rules at once; the colleague accepts or declines; the requester may withdraw).
import { myFloorChanges } from './intraday-mine.ts';
import { MyFloorToday } from '../../views/scheduling/my-floor.tsx';
import { HTTPException } from 'hono/http-exception';
import type { SecureRouter } from '../http/access.ts';
import { type Ctx, viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import { audit } from '../queries/audit.ts';
import { addLocalDays, isLocalDate, localDateOf } from '../../scheduling/time.ts';
import { MySchedulePage } from '../../views/scheduling/pages.tsx';
import { SwapRequestPanel, type SwapRequestView, type SwapView } from '../../views/scheduling/weekly-pages.tsx';
import { myAgent, myAssignments, type MyAgent } from './schedule.ts';
import { tableExists } from './queries.ts';
import { findSwap, insertSwap, listAgents, listSwaps, setSwapStatus, type SwapRow } from './weekly-store.ts';
import { checkSwap, loadPublished, swapCells } from './weekly-service.ts';

/** A swap row as pages show it (rule names in the viewer's language). */
export function swapView(c: Ctx, s: SwapRow): SwapView {
  const en = c.get('locale') === 'en';
  return {
    id: s.id,
    month: s.month,
    requester: { code: s.requester.code, name: s.requester.name },
    requesterDate: s.requesterDate,
    colleague: { code: s.colleague.code, name: s.colleague.name, hasLogin: s.colleague.userId !== null },
    colleagueDate: s.colleagueDate,
    note: s.note,
    status: s.status,
    cells: s.check.cells ?? [],
    hard: (s.check.hard ?? []).map((h) => ({ name: en ? h.nameEn : h.name, count: h.count })),
    soft: (s.check.soft ?? []).map((x) => ({ name: en ? x.nameEn : x.name, delta: x.delta })),
    softDelta: s.check.softDelta ?? 0,
    createdAt: s.createdAt,
  };
}

/** Changes of the published roster younger than this are highlighted on the agent's page. */
export const CHANGE_HIGHLIGHT_DAYS = 14;

function today(c: Ctx): string {
  const { now, config } = c.get('deps');
  return localDateOf(now(), { timeZone: config.timeZone });
}

function actor(c: Ctx) {
  const u = c.get('user')!;
  return { actorId: u.id, actorName: u.username, requestId: c.get('requestId'), at: c.get('deps').now() };
}

async function formOf(c: Ctx): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v.trim();
  return out;
}

async function swapPanel(c: Ctx, me: MyAgent, form: Record<string, string>, errors: Record<string, string>, check?: SwapRequestView['check']): Promise<SwapRequestView> {
  const { sql } = c.get('deps');
  const mine = new Set(Object.keys(me.skills));
  const colleagues = (await listAgents(sql))
    .filter((a) => a.id !== me.id && Object.keys(a.skills).some((p) => mine.has(p)))
    .sort((a, b) => Number(b.team === me.team) - Number(a.team === me.team) || (a.code < b.code ? -1 : 1))
    .map((a) => ({ code: a.code, name: a.name, team: a.team }));
  const swaps = (await listSwaps(sql, { agentId: me.id, limit: 20 })).map((s) => ({ ...swapView(c, s), mine: s.requester.id === me.id }));
  return { colleagues, swaps, form, errors, check, minDate: addLocalDays(today(c), 1) };
}

/** The agent's schedule page: published shifts, recent changes highlighted, swap requests. */
export async function mySchedulePage(c: Ctx, extra: { form?: Record<string, string>; errors?: Record<string, string>; check?: SwapRequestView['check']; notice?: string } = {}, status: 200 | 409 | 422 = 200) {
  const { sql, now } = c.get('deps');
  const userId = c.get('user')!.id;
  const since = new Date(now().getTime() - CHANGE_HIGHLIGHT_DAYS * 86_400_000);
  const mine = await myAssignments(sql, userId, today(c), (name) => tableExists(sql, name), since);
  const me = await myAgent(sql, userId);
  const panel = me ? await swapPanel(c, me, extra.form ?? {}, extra.errors ?? {}, extra.check) : null;
  // Today's floor changes (call-in, cover, overtime, no-show) live in the day's change log, not in the roster.
  const floor = me ? await myFloorChanges(sql, me.code, today(c)) : [];
  const ctx = viewContext(c);
  return render(c, {
    title: c.get('t')('sched.my.title'),
    body: (
      <MySchedulePage ctx={ctx} agentName={mine.agentName} shifts={mine.shifts} notice={extra.notice} versionsMonth={today(c).slice(0, 7)} today={<MyFloorToday ctx={ctx} items={floor} />}>
        {panel ? <SwapRequestPanel ctx={ctx} v={panel} /> : null}
      </MySchedulePage>
    ),
    status,
  });
}

export function registerSwapRequestRoutes(r: SecureRouter): void {
  r.post('/schedule/swaps', ['agent'], async (c) => {
    const t = c.get('t');
    const deps = c.get('deps');
    const me = await myAgent(deps.sql, c.get('user')!.id);
    // A console user who is not a schedulable agent has nothing to swap: the page says so (not linked).
    if (!me) return mySchedulePage(c, {}, 409);
    const form = await formOf(c);
    const errors: Record<string, string> = {};
    const t0 = today(c);
    const myDate = form.myDate ?? '';
    const theirDate = form.theirDate || myDate;
    if (!isLocalDate(myDate) || myDate <= t0) errors.myDate = t('weekly.swap.err.date');
    if (!isLocalDate(theirDate) || theirDate <= t0) errors.theirDate = t('weekly.swap.err.date');
    else if (!errors.myDate && theirDate.slice(0, 7) !== myDate.slice(0, 7)) errors.theirDate = t('weekly.swap.err.month');
    const colleague = (await listAgents(deps.sql)).find((a) => a.code === (form.colleague ?? '').split(/\s/)[0]);
    if (!colleague || colleague.id === me.id) errors.colleague = t('weekly.swap.err.colleague');
    if ((form.note ?? '').length > 200) errors.note = t('weekly.leave.err.note');
    if (Object.keys(errors).length) return mySchedulePage(c, { form, errors }, 422);
    const p = await loadPublished(deps.sql, myDate.slice(0, 7));
    if (!p) return mySchedulePage(c, { form, errors: { myDate: t('weekly.swap.noRoster') } }, 422);
    for (const date of [myDate, theirDate]) {
      if (p.locked.has(`${me.code}|${date}`) || p.locked.has(`${colleague!.code}|${date}`)) return mySchedulePage(c, { form, errors: { myDate: t('weekly.swap.locked') } }, 422);
    }
    const changes = swapCells(p, me.code, myDate, colleague!.code, theirDate);
    if (!changes.length) return mySchedulePage(c, { form, errors: { colleague: t('weekly.swap.err.same') } }, 422);
    const check = checkSwap(p, changes);
    const en = c.get('locale') === 'en';
    if (check.hard.length) {
      // Refused at once, with the rules it would break.
      return mySchedulePage(c, { form, errors: { check: t('weekly.swap.hard', { rules: check.hard.map((h) => (en ? h.nameEn : h.name)).join('、') }) }, check: { hard: check.hard.map((h) => (en ? h.nameEn : h.name)), softDelta: check.softDelta } }, 422);
    }
    const id = await insertSwap(deps.sql, { rosterId: p.roster.id, requesterId: me.id, requesterDate: myDate, colleagueId: colleague!.id, colleagueDate: theirDate, note: form.note ?? '', check, userId: c.get('user')!.id, at: deps.now() });
    await audit(deps.sql, { ...actor(c), action: 'swap.request', target: `roster:${p.roster.month}`, detail: { swap: id, myDate, colleague: colleague!.code, theirDate, softDelta: check.softDelta } });
    return c.redirect('/schedule?notice=swap', 303);
  });

  for (const [action, from, to, who] of [
    ['accept', ['pending'], 'accepted', 'colleague'],
    ['decline', ['pending'], 'rejected', 'colleague'],
    ['withdraw', ['pending', 'accepted'], 'withdrawn', 'requester'],
  ] as const) {
    r.post(`/schedule/swaps/:id/${action}`, ['agent'], async (c) => {
      const deps = c.get('deps');
      const id = Number(c.req.param('id'));
      const s = Number.isInteger(id) && id > 0 && id < 2 ** 31 ? await findSwap(deps.sql, id) : undefined;
      if (!s) throw new HTTPException(404);
      const me = await myAgent(deps.sql, c.get('user')!.id);
      if (!me || s[who].id !== me.id) throw new HTTPException(403);
      if (!(await setSwapStatus(deps.sql, s.id, [...from], to, { userId: c.get('user')!.id, at: deps.now() }))) {
        return mySchedulePage(c, { errors: { check: c.get('t')('weekly.swap.notReady') } }, 409);
      }
      await audit(deps.sql, { ...actor(c), action: `swap.${action}`, target: `roster:${s.month}`, detail: { swap: s.id } });
      return c.redirect(`/schedule?notice=${action}`, 303);
    });
  }
}
