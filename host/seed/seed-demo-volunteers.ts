import { createApp, type App } from '../../cloudfunctions/core/runtime/app';
import { callerOf, type Caller } from '../../cloudfunctions/core/runtime/caller';
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import { addDays, DAY_MS, districtDateOf } from '../../shared/domain/time';
import { districtInstantOf } from '../../shared/domain/volunteer/activity-rules';
import type { VolunteerSkill } from '../../shared/domain/volunteer/registration-codes';
import { VOLUNTEER_CONSENT_VERSION } from '../../shared/domain/volunteer/registration-consent';
import { volunteerActivityActions } from '../../shared/schemas/volunteer-activity.schema';
import { volunteerRegistrationActions } from '../../shared/schemas/volunteer-registration.schema';
import { DEMO_TEACHER_OPENID } from './seed-demo-training';

const MARK = 'demo-volunteers';
const HOUR = 3_600_000;

/** The festivals a demo visit is for (lunar dates, so a table): 重阳节 and 春节, a few years ahead. */
const FESTIVALS: { name: '重阳节' | '春节'; date: string }[] = [
  { name: '重阳节', date: '2026-10-18' },
  { name: '春节', date: '2027-02-06' },
  { name: '重阳节', date: '2027-10-08' },
  { name: '春节', date: '2028-01-26' },
  { name: '重阳节', date: '2028-10-26' },
  { name: '春节', date: '2029-02-13' },
  { name: '重阳节', date: '2029-10-16' },
  { name: '春节', date: '2030-02-03' },
  { name: '重阳节', date: '2030-10-05' },
  { name: '春节', date: '2031-01-23' },
];

/**
 * The festival visit that reads right today: a few days before the next 重阳节 or 春节 at least
 * three days away (visits come before the holiday); past the table, a visit a week on, named for
 * no festival.
 */
export function demoFestivalVisit(today: string): { date: string; title: string; description: string } {
  for (const festival of FESTIVALS) {
    const date = addDays(festival.date, -3);
    if (date < addDays(today, 3)) continue;
    return festival.name === '重阳节'
      ? { date, title: '重阳节探访：看望高龄独居老人', description: '重阳节前上门看望社区里的高龄、独居老人，送上重阳糕，陪老人聊聊天。' }
      : { date, title: '春节前探访：给独居老人送春联', description: '春节前上门看望社区里的高龄、独居老人，送春联和年货，帮老人贴春联。' };
  }
  return { date: addDays(today, 7), title: '节日探访：看望高龄独居老人', description: '上门看望社区里的高龄、独居老人，陪老人聊聊天。' };
}

type Person = { openid: string; name: string; phone: string; communityId: string; background: 'intellectual' | 'cadre' | 'party_member'; skills: VolunteerSkill[]; note: string };

const volunteers: Person[] = [
  { openid: 'demo-volunteer-1', name: '蒋老师', phone: '13700000031', communityId: 'cm-xiaoying', background: 'intellectual', skills: ['performing_arts', 'smartphone_teaching'], note: '退休音乐老师，会主持' },
  { openid: 'demo-volunteer-2', name: '沈师傅', phone: '13700000032', communityId: 'cm-shuangguiping', background: 'cadre', skills: ['performing_arts', 'other'], note: '退休干部，爱唱锡剧' },
];
const applicant: Person = { openid: 'demo-applicant', name: '刘阿姨', phone: '13700000033', communityId: 'cm-xiaoying', background: 'party_member', skills: ['health_talk', 'other'], note: '退休护士' };

function application(person: Person) {
  return volunteerRegistrationActions.apply.parse({
    name: person.name,
    gender: person.name.endsWith('阿姨') ? 'female' : 'male',
    birthYear: 1958,
    phone: person.phone,
    communityId: person.communityId,
    background: person.background,
    skills: person.skills,
    skillNote: person.note,
    availability: [{ weekday: 2, part: 'afternoon' }, { weekday: 6, part: 'morning' }],
    emergencyContact: { name: `${person.name.slice(0, 1)}家人`, phone: '13700000039' },
    health: { fitForService: true, conditions: '' },
    consent: { version: VOLUNTEER_CONSENT_VERSION, agreed: true },
  });
}

/** The text of a demo activity at 小营前社区; times are the caller's. */
function activityText(fields: { kind: string; title: string; description: string; roles: { code: string; label: string; count: number; skills: VolunteerSkill[] }[] }) {
  return { ...fields, place: '小营前社区活动室', communityId: 'cm-xiaoying', riskNote: '', insuranceRequired: false, bring: '志愿者马甲', contactPhone: '13900000002' };
}

/**
 * The volunteers' part of the demo district, written through the services as people would:
 * 刘阿姨's application waiting for staff; 蒋老师 and 沈师傅 approved; a festival visit (重阳节 or
 * 春节, whichever comes next); a 老年春晚 rehearsal whose 主持 place 蒋老师 holds with 沈师傅 on its
 * waiting list; and two past activities both checked in and out, one with hours for staff to
 * confirm, one confirmed (a certificate to download). The past ones run on a clock set back (the
 * services refuse a start in the past, and check-in reads the clock), so every rule is kept.
 * Idempotent: each part is marked in `meta` when done, and a done part is skipped.
 */
export async function seedDemoVolunteers(app: App, log: (line: string) => void = () => undefined): Promise<void> {
  const { repos, services, clock } = app;
  if (await repos.meta.get(`${MARK}:done`)) return;
  const caller = async (openid: string): Promise<Caller> => callerOf(await services.users.ensureUser(openid));
  const once = async (part: string, run: () => Promise<void>) => {
    if (await repos.meta.get(`${MARK}:${part}`)) return;
    await run();
    await repos.meta.markOnce(`${MARK}:${part}`, clock.now());
  };
  const staff = await caller('demo-staff-1');

  log('[seed] 银龄行动 1/4：志愿者申请（刘阿姨待审核；蒋老师、沈师傅已通过）');
  await once('people', async () => {
    for (const person of [...volunteers, applicant]) {
      const who = await caller(person.openid);
      if (who.roles.includes('volunteer')) continue;
      const latest = await repos.volunteers.latestOf(who.userId);
      const id = latest?.status === 'pending' ? latest._id : (await services.volunteerRegistration.apply(who, application(person))).id;
      if (person !== applicant) await services.volunteerRegistration.approve(staff, id, person.skills, undefined);
    }
  });

  const today = districtDateOf(clock.now());
  const openNow = (startsAt: Date) => ({
    signUpOpensAt: new Date(clock.now().getTime() - 60_000),
    signUpClosesAt: new Date(startsAt.getTime() - 2 * HOUR),
    withdrawCutoffAt: new Date(startsAt.getTime() - DAY_MS),
  });

  log('[seed] 银龄行动 2/4：节日探访、老年春晚彩排（主持已满，有人候补）');
  await once('festival', async () => {
    const visit = demoFestivalVisit(today);
    const startsAt = districtInstantOf(visit.date, '09:30');
    await services.activityAdmin.create(
      staff,
      volunteerActivityActions.createActivity.parse({
        ...activityText({ kind: 'festival_visit', title: visit.title, description: visit.description, roles: [{ code: 'visit', label: '探访', count: 6, skills: [] }] }),
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2.5 * HOUR).toISOString(),
        ...iso(openNow(startsAt)),
      }),
    );
  });
  await once('gala', async () => {
    const startsAt = districtInstantOf(addDays(today, 10), '14:00');
    const rehearsal = await services.activityAdmin.create(
      staff,
      volunteerActivityActions.createActivity.parse({
        ...activityText({
          kind: 'spring_gala',
          title: '老年春晚第一次彩排',
          description: '社区老年春晚走台彩排：主持串词、节目顺序、上下场。',
          roles: [
            { code: 'host', label: '主持', count: 1, skills: ['performing_arts'] },
            { code: 'stage', label: '场务', count: 4, skills: [] },
          ],
        }),
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
        ...iso(openNow(startsAt)),
      }),
    );
    await services.activitySignup.signUp(await caller('demo-volunteer-1'), rehearsal.id, 'host');
    await services.activitySignup.signUp(await caller('demo-volunteer-2'), rehearsal.id, 'host');
  });

  log('[seed] 银龄行动 3/4：过去的活动与服务时长（一场待确认，一场已确认）');
  await once('past', async () => {
    const people = [await caller('demo-volunteer-1'), await caller('demo-volunteer-2'), await caller(DEMO_TEACHER_OPENID)];
    await pastActivity(app, staff, people, 10, '社区反诈宣传进楼道', true);
    await pastActivity(app, staff, people, 3, '帮老人用手机交电费', false);
  });

  log('[seed] 银龄行动 4/4：完成');
  await repos.meta.markOnce(`${MARK}:done`, clock.now());
}

function iso(times: Record<string, Date>): Record<string, string> {
  return Object.fromEntries(Object.entries(times).map(([key, at]) => [key, at.toISOString()]));
}

/**
 * An activity `daysAgo` days back, 14:00–16:00, that `people` signed up for, checked in to with
 * the shown code and out of; confirmed by staff when `confirm`. Runs on the same database with a
 * clock walked through that afternoon.
 */
async function pastActivity(app: App, staff: Caller, people: Caller[], daysAgo: number, title: string, confirm: boolean): Promise<void> {
  const startsAt = districtInstantOf(addDays(districtDateOf(app.clock.now()), -daysAgo), '14:00');
  const endsAt = new Date(startsAt.getTime() + 2 * HOUR);
  const clock = manualClock(new Date(startsAt.getTime() - 2 * DAY_MS));
  const then = await createApp({ config: app.config, db: app.db, clock, ids: app.ids, ensureIndexes: false });
  const activity = await then.services.activityAdmin.create(
    staff,
    volunteerActivityActions.createActivity.parse({
      ...activityText({ kind: 'other', title, description: '发放宣传单，帮老人看清常见骗局。', roles: [{ code: 'helper', label: '志愿者', count: 5, skills: [] }] }),
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      ...iso({ signUpOpensAt: clock.now(), signUpClosesAt: new Date(startsAt.getTime() - 2 * HOUR), withdrawCutoffAt: new Date(startsAt.getTime() - DAY_MS) }),
    }),
  );
  for (const person of people) await then.services.activitySignup.signUp(person, activity.id, 'helper');
  clock.set(new Date(startsAt.getTime() - 10 * 60_000));
  for (const person of people) await then.services.attendance.checkIn(person, activity.id, (await then.services.attendance.code(staff, activity.id)).code);
  clock.set(new Date(endsAt.getTime() + 5 * 60_000));
  for (const person of people) await then.services.attendance.checkOut(person, activity.id, (await then.services.attendance.code(staff, activity.id)).code);
  if (!confirm) return;
  clock.set(new Date(endsAt.getTime() + DAY_MS));
  for (const person of people) await then.services.hoursLedger.confirm(staff, activity.id, person.userId);
}
