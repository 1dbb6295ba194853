import type { App } from '../../cloudfunctions/core/runtime/app';
import { callerOf, type Caller } from '../../cloudfunctions/core/runtime/caller';
import { addDays, districtDateOf } from '../../shared/domain/time';
import { trainingYearOf } from '../../shared/domain/volunteer/training-rules';
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
    volunteerActivityActions.createSeries.parse({
      kind: 'tech_class',
      title: '智能手机课：挂号、付款、视频通话',
      description: '手把手教老人用手机挂号、扫码付款、和家人视频。',
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
      firstDate,
      lastDate,
      startTime: '09:00',
      endTime: '10:30',
      // Open for the whole series at once, so the teacher takes every week and elders enrol ahead.
      signUpOpensDaysBefore: 60,
      signUpClosesHoursBefore: 1,
      withdrawCutoffHoursBefore: 24,
    }),
  );
  const open = activities.filter((a) => new Date(a.signUpOpensAt) <= now);
  for (const session of open) await services.activitySignup.signUp(teacher, session.id, 'lead');
  const first = activities[0]!;
  const wang = await caller('demo-resident-1');
  const li = await caller('demo-resident-2');
  await services.trainingEnrolment.enroll(wang, { activityId: first.id, who: 'self', name: '王阿姨', communityId: 'cm-xiaoying', ageBand: '60_69' });
  await services.trainingEnrolment.enroll(wang, { activityId: first.id, who: 'family', name: '张奶奶', communityId: 'cm-xiaoying', ageBand: '80_89' });
  await services.trainingEnrolment.enroll(li, { activityId: first.id, who: 'self', name: '李大爷', communityId: 'cm-hehua', ageBand: '70_79' });
  await repos.meta.markOnce(SERIES_MARK, now, { seriesId });
  return { seriesId };
}
