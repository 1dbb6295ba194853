import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { activityKinds } from '../../../../../shared/domain/volunteer/activity-rules';
import { volunteerSkillLabels, type VolunteerSkill } from '../../../../../shared/domain/volunteer/registration-codes';
import type { PublicUser } from '../../../../../shared/schemas/user.schema';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { catalogApi } from '../../../../src/api/catalog.api';
import { volunteerManageApi } from '../../../../src/api/volunteer-manage.api';
import type { ManagedActivity } from '../../../../src/api/volunteer-manage-views.schema';
import { ChoiceGroup, optionsOf } from '../../../../src/components/ChoiceGroup';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import {
  activityFieldErrors,
  buildActivityInput,
  buildChanges,
  buildSeriesInput,
  emptyActivityForm,
  formOfActivity,
  newRole,
  seriesDates,
  validateActivityForm,
  weekdayChoices,
  type ActivityFormField,
  type ActivityFormState,
  type RoleRow,
} from '../../../../src/features/volunteer/manage-activity-form';
import { manageForbiddenText, managePageRoles } from '../../../../src/features/volunteer/manage-roles';
import { formatDateKey } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { replaceWith, routes, usePageParams } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { Field } from '../../../../src/ui/Field';
import { showToast } from '../../../../src/ui/feedback';
import { Switch } from '../../../../src/ui/Switch';

type Errors = Partial<Record<ActivityFormField, string>>;
const skillOptions = optionsOf(volunteerSkillLabels);

/**
 * volunteer — staff: create one activity or a weekly series, or edit one (`activityId`): for a
 * session of a series, this one or every session from it on.
 */
export default function ManageActivityFormPage() {
  const { activityId = '', mode = '' } = usePageParams();
  return (
    <Page>
      <Text className='page-title'>{activityId ? '修改活动' : mode === 'series' ? '新建每周系列' : '新建活动'}</Text>
      <SignedIn roles={managePageRoles} forbiddenText={manageForbiddenText}>
        {(user) => (activityId ? <EditLoader activityId={activityId} user={user} /> : <ActivityForm user={user} mode={mode === 'series' ? 'series' : 'one'} original={null} />)}
      </SignedIn>
    </Page>
  );
}

function EditLoader({ activityId, user }: { activityId: string; user: PublicUser }) {
  const state = useRequest(() => volunteerManageApi.activity(activityId), [activityId]);
  return <RequestView state={state}>{(activity) => <ActivityForm user={user} mode='one' original={activity} />}</RequestView>;
}

function CommunityField({ user, value, onChange, error, disabled }: { user: PublicUser; value: string; onChange: (id: string) => void; error?: string; disabled: boolean }) {
  const streets = useRequest(() => catalogApi.streets(), []);
  return (
    <RequestView state={streets}>
      {(list) => {
        // Staff organize in their own 街道; admin in any.
        const mine = list.filter((s) => user.roles.includes('admin') || s.id === user.staffStreetId);
        const options = mine.flatMap((s) => s.communities.map((c) => ({ value: c.id, label: mine.length > 1 ? `${s.name} ${c.name}` : c.name })));
        return disabled ? (
          <Text className='volunteer-note'>{`社区：${options.find((o) => o.value === value)?.label ?? value}（创建后不能改）`}</Text>
        ) : (
          <ChoiceGroup label='社区' options={options} value={value} error={error} onChange={onChange} />
        );
      }}
    </RequestView>
  );
}

function ActivityForm({ user, mode, original }: { user: PublicUser; mode: 'one' | 'series'; original: ManagedActivity | null }) {
  const [form, setForm] = useState<ActivityFormState>(() => (original ? formOfActivity(original) : emptyActivityForm(new Date(), user)));
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [scope, setScope] = useState<'this' | 'following'>('this');
  const editing = original !== null;
  const hasSignups = original ? original.roles.some((r) => r.filled > 0) || original.waiting > 0 : false;
  const patch = (changes: Partial<ActivityFormState>) => {
    setForm((f) => ({ ...f, ...changes }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(changes)) delete next[key as ActivityFormField];
      return next;
    });
  };
  const patchRole = (index: number, changes: Partial<RoleRow>) => patch({ roles: form.roles.map((r, i) => (i === index ? { ...r, ...changes } : r)) });

  const submit = async () => {
    setError(null);
    const now = new Date();
    const found = validateActivityForm(form, mode, now);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      showToast('有几处要改一下，请看标红的地方');
      return;
    }
    setBusy(true);
    try {
      if (original && original.seriesId && scope === 'following') {
        const changes = buildChanges(form, original, false);
        await volunteerManageApi.updateSeriesFrom(original.seriesId, form.date, changes);
        showToast('已修改这次及以后的各次');
        replaceWith(routes.manageActivity, { activityId: original.id });
      } else if (original) {
        await volunteerManageApi.updateActivity(original.id, buildChanges(form, original, !hasSignups));
        showToast('已修改，报了名的志愿者会收到通知');
        replaceWith(routes.manageActivity, { activityId: original.id });
      } else if (mode === 'series') {
        const created = await volunteerManageApi.createSeries(buildSeriesInput(form));
        showToast(`已建好 ${created.activities.length} 次活动`);
        replaceWith(routes.manageActivities);
      } else {
        const created = await volunteerManageApi.createActivity(buildActivityInput(form, now));
        showToast('活动已发布');
        replaceWith(routes.manageActivity, { activityId: created.id });
      }
    } catch (caught) {
      const apiError = toApiError(caught);
      setError(apiError);
      setErrors(activityFieldErrors(apiError.fieldErrors(), form));
    } finally {
      setBusy(false);
    }
  };

  const dates = mode === 'series' ? seriesDates(form) : null;
  return (
    <View>
      {editing && original?.seriesId ? (
        <View className='section'>
          <ChoiceGroup
            label='改哪几次'
            options={[
              { value: 'this', label: '只改这一次' },
              { value: 'following', label: '这次及以后各次' },
            ]}
            value={scope}
            onChange={setScope}
          />
        </View>
      ) : null}

      <CellGroup title='1. 活动内容'>
        <View className='volunteer-consent'>
          {editing ? (
            <Text className='volunteer-note'>{`类型：${activityKinds[form.kind]}（创建后不能改）`}</Text>
          ) : (
            <ChoiceGroup label='活动类型' options={optionsOf(activityKinds)} value={form.kind} onChange={(kind) => patch({ kind })} error={errors.kind} />
          )}
          <Field label='活动名称' required value={form.title} maxLength={40} hint='必填，最多 40 字' error={errors.title} onChange={(v) => patch({ title: v })} />
          <Field label='活动介绍' multiline value={form.description} maxLength={1000} hint='选填' error={errors.description} onChange={(v) => patch({ description: v })} />
          <Field label='地点' required value={form.place} maxLength={100} placeholder='例如：小营前社区活动室' error={errors.place} onChange={(v) => patch({ place: v })} />
          <CommunityField user={user} value={form.communityId} onChange={(communityId) => patch({ communityId })} error={errors.communityId} disabled={editing} />
        </View>
      </CellGroup>

      <CellGroup title='2. 时间'>
        <View className='volunteer-consent'>
          {mode === 'series' ? (
            <>
              <ChoiceGroup label='每周几' options={weekdayChoices} value={form.weekday} onChange={(weekday) => patch({ weekday })} />
              <Field label='从哪天起' required value={form.date} placeholder='例如 2026-12-05' hint='年-月-日' error={errors.date} onChange={(v) => patch({ date: v })} />
              <ChoiceGroup
                label='到什么时候'
                options={[
                  { value: 'weeks', label: '按周数' },
                  { value: 'until', label: '到某一天' },
                ]}
                value={form.repeat}
                onChange={(repeat) => patch({ repeat })}
              />
              {form.repeat === 'weeks' ? (
                <Field label='共几周' type='number' required value={form.weeks} hint='1 到 53 周' error={errors.weeks} onChange={(v) => patch({ weeks: v })} />
              ) : (
                <Field label='到哪天' required value={form.untilDate} placeholder='例如 2027-01-31' error={errors.untilDate} onChange={(v) => patch({ untilDate: v })} />
              )}
              {dates && dates.firstDate && dates.lastDate ? <Text className='volunteer-note'>{`第一次 ${formatDateKey(dates.firstDate)}，最后一次 ${formatDateKey(dates.lastDate)}`}</Text> : null}
            </>
          ) : (
            <Field label='日期' required value={form.date} placeholder='例如 2026-12-05' hint='年-月-日' error={errors.date} disabled={editing && (hasSignups || scope === 'following')}
              onChange={(v) => patch({ date: v })} />
          )}
          <Field label='开始时间' required value={form.startTime} placeholder='09:00' hint='24 小时制，如 14:30' error={errors.startTime} disabled={editing && (hasSignups || scope === 'following')}
            onChange={(v) => patch({ startTime: v })} />
          <Field label='结束时间' required value={form.endTime} placeholder='11:00' error={errors.endTime} disabled={editing && (hasSignups || scope === 'following')}
            onChange={(v) => patch({ endTime: v })} />
          {editing && hasSignups ? <Text className='volunteer-note'>已有人报名，时间不能再改；要改时间请取消后重建。</Text> : null}
        </View>
      </CellGroup>

      <CellGroup title='3. 岗位'>
        {editing ? (
          <Text className='volunteer-note'>{`${form.roles.map((r) => `${r.label} ${r.count} 人`).join('，')}（创建后不能改）`}</Text>
        ) : (
          <>
            {form.roles.map((role, index) => (
              <View key={role.code} className='volunteer-role'>
                <Field label={`岗位 ${index + 1} 名称`} required value={role.label} maxLength={20} placeholder='例如：主讲、助教' error={errors[`roles.${index}.label`]}
                  onChange={(v) => patchRole(index, { label: v })} />
                <Field label={`岗位 ${index + 1} 人数`} type='number' required value={role.count} error={errors[`roles.${index}.count`]} onChange={(v) => patchRole(index, { count: v })} />
                <ChoiceGroup label={`岗位 ${index + 1} 需要的技能`} note='可不选' options={skillOptions} value={role.skills}
                  onChange={(skill: VolunteerSkill) => patchRole(index, { skills: role.skills.includes(skill) ? role.skills.filter((s) => s !== skill) : [...role.skills, skill] })} />
                {form.roles.length > 1 ? (
                  <Button block onClick={() => patch({ roles: form.roles.filter((_, i) => i !== index) })}>
                    {`删除岗位 ${index + 1}`}
                  </Button>
                ) : null}
              </View>
            ))}
            {errors.roles ? <Text className='choice-group__error'>{errors.roles}</Text> : null}
            <View className='volunteer-role'>
              <Button block onClick={() => patch({ roles: [...form.roles, newRole(form.roles)] })}>
                加一个岗位
              </Button>
            </View>
          </>
        )}
        {!editing && form.kind === 'tech_class' ? (
          <View className='volunteer-role'>
            <Field label='老人座位数' type='number' value={form.elderSeats} hint='智能技术培训课给老人报名的座位，0 到 500' error={errors.elderSeats} onChange={(v) => patch({ elderSeats: v })} />
          </View>
        ) : null}
      </CellGroup>

      <CellGroup title='4. 报名和退出'>
        <View className='volunteer-consent'>
          {editing ? (
            <Text className='volunteer-note'>报名时间和退出截止创建后不能改。</Text>
          ) : (
            <>
              {mode === 'series' ? (
                <Field label='提前几天开放报名' type='number' value={form.opensDaysBefore} hint='0 到 60 天' error={errors.opensDaysBefore} onChange={(v) => patch({ opensDaysBefore: v })} />
              ) : (
                <Text className='volunteer-note'>发布后马上可以报名。</Text>
              )}
              <Field label='报名截止：开始前几小时' type='number' value={form.closesHoursBefore} hint='默认 2 小时' error={errors.closesHoursBefore}
                onChange={(v) => patch({ closesHoursBefore: v })} />
              <Field label='最晚退出：开始前几小时' type='number' value={form.cutoffHoursBefore} hint='默认 24 小时，之后要打电话' error={errors.cutoffHoursBefore}
                onChange={(v) => patch({ cutoffHoursBefore: v })} />
            </>
          )}
        </View>
      </CellGroup>

      <CellGroup title='5. 报名前告诉志愿者'>
        <View className='volunteer-consent'>
          <Field label='要带什么' value={form.bring} maxLength={200} placeholder='例如：老花镜、充好电的手机' error={errors.bring} onChange={(v) => patch({ bring: v })} />
          <Field label='风险提示' multiline value={form.riskNote} maxLength={300} hint='选填' error={errors.riskNote} onChange={(v) => patch({ riskNote: v })} />
          <Switch label='需要保险' checked={form.insuranceRequired} description='由组织方安排' onChange={(insuranceRequired) => patch({ insuranceRequired })} />
          <Field label='联系电话' type='phone' required value={form.contactPhone} hint='志愿者不能在手机上退出时打这个电话' error={errors.contactPhone}
            onChange={(v) => patch({ contactPhone: v })} />
        </View>
      </CellGroup>

      {error ? (
        <View className='section'>
          <ErrorNotice error={error} />
        </View>
      ) : null}
      {errors.form && !error ? <Text className='choice-group__error'>{errors.form}</Text> : null}
      <View className='section'>
        <Button variant='primary' size='large' loading={busy} onClick={() => void submit()}>
          {editing ? '保存修改' : mode === 'series' ? '建好这个系列' : '发布活动'}
        </Button>
      </View>
    </View>
  );
}
