import { createApp, type App } from '../../cloudfunctions/core/runtime/app';
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import { callerOf, type Caller } from '../../cloudfunctions/core/runtime/caller';
import { addDays, districtDateOf } from '../../shared/domain/time';
import { trainingYearOf } from '../../shared/domain/volunteer/training-rules';
import { districtInstantOf } from '../../shared/domain/volunteer/activity-rules';
import { volunteerRegistrationActions } from '../../shared/schemas/volunteer-registration.schema';
import { volunteerActivityActions } from '../../shared/schemas/volunteer-activity.schema';
import { VOLUNTEER_CONSENT_VERSION } from '../../shared/domain/volunteer/registration-consent';

/** The plan's 7,000 person-times, split over the demo district's three 街道. */
export const demoTrainingTargets = { districtTotal: 7000, streets: [{ streetId: 'st-nandajie', target: 3000 }, { streetId: 'st-hehuachi', target: 2000 }, { streetId: 'st-wuxing', target: 2000 }] };
export const DEMO_TEACHER_OPENID = 'demo-teacher';
const SERIES_MARK = 'demo-training-series';

/**
 * The training part of the demo district: the year's targets, a teacher who applied and was
 * approved, a weekly smartphone class at 小营前社区 (8 weeks from tomorrow, 20 seats) taught by
 * them, and three elders enrolled in the first class. Idempotent: targets are written
 * only when the year has none (an admin's own stay), the teacher only applies while not a volunteer,
 * and the series is created once (a marker in `meta`; a crash before the marker would make a second).
 */
export async function seedDemoTraining(app: App, log: (line: string) => void = () => undefined): Promise<{ seriesId: string | null }> {
  const { repos, services, clock } = app;
  const now = clock.now();
  const caller = async (openid: string): Promise<Caller> => callerOf(await services.users.ensureUser(openid));
  const admin = await caller('demo-admin');
  const staff = await caller('demo-staff-1');

  const firstDate = addDays(districtDateOf(now), 1);
  const lastDate = addDays(firstDate, 7 * 7);
  for (const year of new Set([trainingYearOf(now), Number(lastDate.slice(0, 4))])) {
    if (!(await repos.training.targetsOf(year))) await services.trainingProgress.setTargets(admin, { year, ...demoTrainingTargets });
  }

  let teacher = await caller(DEMO_TEACHER_OPENID);
  if (!teacher.roles.includes('volunteer')) {
    const latest = await repos.volunteers.latestOf(teacher.userId);
    const applicationId =
      latest?.status === 'pending'
        ? latest._id
        : (
            await services.volunteerRegistration.apply(
              teacher,
              volunteerRegistrationActions.apply.parse({
                name: '孙老师',
                gender: 'female',
                birthYear: 1957,
                phone: '13700000020',
                communityId: 'cm-xiaoying',
                background: 'intellectual',
                skills: ['smartphone_teaching'],
                skillNote: '退休前是中学信息技术老师',
                availability: [{ weekday: 3, part: 'morning' }],
                emergencyContact: { name: '孙明', phone: '13700000021' },
                health: { fitForService: true, conditions: '' },
                consent: { version: VOLUNTEER_CONSENT_VERSION, agreed: true },
              }),
            )
          ).id;
    await services.volunteerRegistration.approve(staff, applicationId, ['smartphone_teaching'], undefined);
    teacher = await caller(DEMO_TEACHER_OPENID);
  }

  const marked = await repos.meta.get(SERIES_MARK);
  if (marked) return { seriesId: (marked.value as { seriesId: string }).seriesId };
  log('[seed] 银龄行动：智能手机课（每周一次）、全区培训指标 7000 人次');
  const { seriesId, activities } = await services.activityAdmin.createSeries(
    staff,
    // Open for the whole series at once, so the teacher takes every week and elders enrol ahead.
    smartphoneClassSeries({ title: '智能手机课：挂号、付款、视频通话', description: '手把手教老人用手机挂号、扫码付款、和家人视频。', firstDate, lastDate, signUpOpensDaysBefore: 60 }),
  );
  const open = activities.filter((a) => new Date(a.signUpOpensAt) <= now);
  for (const session of open) await services.activitySignup.signUp(teacher, session.id, 'lead');
  const first = activities[0]!;
  const wang = await caller('demo-resident-1');
  const li = await caller('demo-resident-2');
  await enrolDemoElders(app, wang, li, first.id);
  await repos.meta.markOnce(SERIES_MARK, now, { seriesId });
  return { seriesId };
}

const PAST_CLASSES_MARK = 'demo-training-past-classes';
const HOUR_MS = 3_600_000;

/**
 * The same class's two weeks before today (8 days ago and yesterday, 09:00–10:30), so that the demo
 * has a class whose roll is still open: the roll stays open 48 h after a class, and yesterday's has
 * not been taken, so the teacher's roll in the demo moves the 7,000 counter at once. The earlier
 * class's roll was taken (three enrolled elders and a walk-in: the year is not all zeros), and the
 * teacher checked in and out of both (hours confirmed for the first, waiting for the second).
 * Written through the services on a clock set back, as the volunteers' past activities are;
 * once (a marker in `meta`).
 */
export async function seedDemoPastClasses(app: App, log: (line: string) => void = () => undefined): Promise<void> {
  const { repos } = app;
  if (await repos.meta.get(PAST_CLASSES_MARK)) return;
  log('[seed] 银龄行动：前两周的智能手机课（8 天前已点名，昨天的等老师点名）');
  const today = districtDateOf(app.clock.now());
  const firstDate = addDays(today, -8);
  const clock = manualClock(districtInstantOf(addDays(today, -9), '12:00'));
  const then = await createApp({ config: app.config, db: app.db, clock, ids: app.ids, ensureIndexes: false });
  const caller = async (openid: string): Promise<Caller> => callerOf(await then.services.users.ensureUser(openid));
  const [staff, teacher, wang, li] = await Promise.all(['demo-staff-1', DEMO_TEACHER_OPENID, 'demo-resident-1', 'demo-resident-2'].map(caller));
  const { activities } = await then.services.activityAdmin.createSeries(
    staff!,
    smartphoneClassSeries({ title: '智能手机课：微信聊天和视频', description: '教老人用微信发语音、发照片、和子女视频。', firstDate, lastDate: addDays(firstDate, 7), signUpOpensDaysBefore: 30 }),
  );
  for (const session of activities) {
    await then.services.activitySignup.signUp(teacher!, session.id, 'lead');
    await enrolDemoElders(then, wang!, li!, session.id);
  }
  for (const [i, session] of activities.entries()) {
    const startsAt = new Date(session.startsAt);
    const endsAt = new Date(session.endsAt);
    clock.set(new Date(startsAt.getTime() - 10 * 60_000));
    await then.services.attendance.checkIn(teacher!, session.id, (await then.services.attendance.code(staff!, session.id)).code);
    clock.set(new Date(endsAt.getTime() + 5 * 60_000));
    await then.services.attendance.checkOut(teacher!, session.id, (await then.services.attendance.code(staff!, session.id)).code);
    if (i > 0) continue;
    const roll = await then.services.trainingRoll.roll(teacher!, session.id);
    await then.services.trainingRoll.takeRoll(teacher!, {
      activityId: session.id,
      present: roll.items.map((item) => item.elderId),
      walkIns: [{ key: 'demo-walk-in-1', name: '周大爷', communityId: 'cm-xiaoying', ageBand: '70_79' }],
    });
    clock.set(new Date(endsAt.getTime() + 4 * HOUR_MS));
    await then.services.hoursLedger.confirm(staff!, session.id, teacher!.userId);
  }
  await repos.meta.markOnce(PAST_CLASSES_MARK, app.clock.now());
}

/** The demo's weekly smartphone class at 小营前社区, 09:00–10:30, a 主讲 and two 助教, 20 seats for elders. */
function smartphoneClassSeries(fields: { title: string; description: string; firstDate: string; lastDate: string; signUpOpensDaysBefore: number }) {
  return volunteerActivityActions.createSeries.parse({
    kind: 'tech_class',
    place: '小营前社区活动室',
    communityId: 'cm-xiaoying',
    roles: [
      { code: 'lead', label: '主讲', count: 1, skills: ['smartphone_teaching'] },
      { code: 'assist', label: '助教', count: 2, skills: [] },
    ],
    riskNote: '',
    insuranceRequired: false,
    bring: '自己的手机、老花镜',
    contactPhone: '13900000002',
    elderSeats: 20,
    startTime: '09:00',
    endTime: '10:30',
    signUpClosesHoursBefore: 1,
    withdrawCutoffHoursBefore: 24,
    ...fields,
  });
}

/** 王阿姨 enrols herself and her mother 张奶奶, 李大爷 himself: the class's three elders. */
async function enrolDemoElders(app: App, wang: Caller, li: Caller, activityId: string): Promise<void> {
  await app.services.trainingEnrolment.enroll(wang, { activityId, who: 'self', name: '王阿姨', communityId: 'cm-xiaoying', ageBand: '60_69' });
  await app.services.trainingEnrolment.enroll(wang, { activityId, who: 'family', name: '张奶奶', communityId: 'cm-xiaoying', ageBand: '80_89' });
  await app.services.trainingEnrolment.enroll(li, { activityId, who: 'self', name: '李大爷', communityId: 'cm-hehua', ageBand: '70_79' });
}
