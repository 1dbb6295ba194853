import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import {
  allDayParts,
  dayPartLabels,
  genderLabels,
  volunteerBackgroundLabels,
  volunteerSkillLabels,
  weekdayLabels,
  type VolunteerSkill,
} from '../../../../../shared/domain/volunteer/registration-codes';
import { volunteerConsentText } from '../../../../../shared/domain/volunteer/registration-consent';
import type { PublicUser } from '../../../../../shared/schemas/user.schema';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { volunteerApi } from '../../../../src/api/volunteer.api';
import { ChoiceGroup, optionsOf } from '../../../../src/components/ChoiceGroup';
import { CommunityChoice } from '../../../../src/components/CommunityChoice';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { SignedIn } from '../../../../src/components/SignedIn';
import { limitHint } from '../../../../src/features/booking/booking-form';
import {
  availabilityKey,
  buildApplyInput,
  clearVolunteerDraft,
  emptyVolunteerForm,
  readVolunteerDraft,
  saveVolunteerDraft,
  validateVolunteerForm,
  volunteerFieldErrors,
  volunteerFieldLimits as limits,
  type VolunteerFormField,
  type VolunteerFormState,
} from '../../../../src/features/volunteer/volunteer-form';
import { replaceWith, routes } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { ChoiceButton } from '../../../../src/ui/ChoiceButton';
import { Field } from '../../../../src/ui/Field';
import { showToast } from '../../../../src/ui/feedback';
import { scrollToFirstError } from '../../../../src/ui/scroll';

/** The application: who, what they can do and when, a health word, and consent to the record rules. */
export default function VolunteerApplyPage() {
  return (
    <Page>
      <Text className='page-title'>申请成为志愿者</Text>
      <SignedIn>{(user) => <ApplyForm user={user} />}</SignedIn>
    </Page>
  );
}

type Errors = Partial<Record<VolunteerFormField, string>>;

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

function ApplyForm({ user }: { user: PublicUser }) {
  const [form, setForm] = useState<VolunteerFormState>(() => readVolunteerDraft() ?? emptyVolunteerForm(user));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);

  useEffect(() => saveVolunteerDraft(form), [form]);

  const patch = (changes: Partial<VolunteerFormState>) => {
    setForm((previous) => ({ ...previous, ...changes }));
    setErrors((previous) => ({ ...previous, ...Object.fromEntries(Object.keys(changes).map((key) => [key, undefined])) }));
  };
  const toggle = <T extends string>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

  const show = (found: Errors) => {
    const shown = Object.fromEntries(Object.entries(found).filter(([, message]) => message)) as Errors;
    setErrors(shown);
    // No toast over the messages: bring the first field at fault into view, after React drew them.
    if (Object.keys(shown).length > 0) setTimeout(scrollToFirstError, 50);
    return Object.keys(shown).length;
  };

  const submit = async () => {
    setFailure(null);
    if (show(validateVolunteerForm(form)) > 0) return;
    setBusy(true);
    try {
      await volunteerApi.apply(buildApplyInput(form));
      clearVolunteerDraft();
      showToast('申请已提交');
      replaceWith(routes.volunteerStatus);
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'VALIDATION_FAILED' && show(volunteerFieldErrors(error.fieldErrors())) > 0) return;
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const problems = Object.values(errors).filter(Boolean).length;
  return (
    <View>
      <Text className='page-subtitle'>带 * 的必须填写。填好后交给所在街道审核，结果会通知您。</Text>

      <CellGroup title='1. 基本信息'>
        <Field label='姓名' value={form.name} required maxLength={limits.name} hint={limitHint(limits.name, true)} error={errors.name} onChange={(v) => patch({ name: v })} />
        <ChoiceGroup label='性别' options={optionsOf(genderLabels)} value={form.gender} error={errors.gender} onChange={(v) => patch({ gender: v })} />
        <Field label='出生年份' type='number' value={form.birthYear} required placeholder='例如 1958' hint='必填，4 位数字' error={errors.birthYear} onChange={(v) => patch({ birthYear: v })} />
        <Field label='手机号' type='phone' value={form.phone} required error={errors.phone} onChange={(v) => patch({ phone: v })} />
        <CommunityChoice value={form.communityId} error={errors.communityId} onChange={(v) => patch({ communityId: v })} />
        <ChoiceGroup label='您的身份' options={optionsOf(volunteerBackgroundLabels)} value={form.background} error={errors.background} onChange={(v) => patch({ background: v })} />
      </CellGroup>

      <CellGroup title='2. 能做什么、什么时候有空'>
        <ChoiceGroup label='技能' note='可多选' options={optionsOf(volunteerSkillLabels)} value={form.skills} error={errors.skills}
          onChange={(v: VolunteerSkill) => patch({ skills: toggle(form.skills, v) })} />
        <Field label='技能补充' multiline value={form.skillNote} maxLength={limits.skillNote} hint={limitHint(limits.skillNote, false)}
          placeholder='例如：会拉二胡，当过中学语文老师' error={errors.skillNote} onChange={(v) => patch({ skillNote: v })} />
        <View className={`volunteer-times${errors.availability ? ' has-error' : ''}`}>
          {allDayParts.map((part) => (
            <ChoiceGroup key={part} label={`${dayPartLabels[part]}有空`} note='可多选'
              options={weekdays.map((day) => ({ value: availabilityKey(day, part), label: weekdayLabels[day] }))}
              value={form.availability} onChange={(v) => patch({ availability: toggle(form.availability, v) })} />
          ))}
          {errors.availability ? <Text className='choice-group__error'>{errors.availability}</Text> : null}
        </View>
      </CellGroup>

      <CellGroup title='3. 紧急联系人和身体状况'>
        <Field label='紧急联系人姓名' value={form.emergencyName} required maxLength={limits.emergencyName} hint={limitHint(limits.emergencyName, true)}
          error={errors.emergencyName} onChange={(v) => patch({ emergencyName: v })} />
        <Field label='紧急联系人电话' type='phone' value={form.emergencyPhone} required hint='必填，不能和您自己的手机号相同'
          error={errors.emergencyPhone} onChange={(v) => patch({ emergencyPhone: v })} />
        <ChoiceGroup label='身体状况' options={[{ value: 'yes', label: '身体良好，能胜任' }, { value: 'no', label: '有些情况要说明' }]}
          value={form.fit} error={errors.fit} onChange={(v) => patch({ fit: v })} />
        <Field label='需要组织方知道的情况' multiline value={form.conditions} maxLength={limits.conditions} hint={limitHint(limits.conditions, false)}
          placeholder='例如：不能久站、有高血压' error={errors.conditions} onChange={(v) => patch({ conditions: v })} />
      </CellGroup>

      <CellGroup title='4. 身份证号（选填）'>
        <Text className='volunteer-note'>只有需要开具写明身份证号的服务证明时才用。加密保存，只显示部分数字，您可以随时删除。</Text>
        <Field label='身份证号' value={form.idNumber} hint='选填，18 位' error={errors.idNumber} onChange={(v) => patch({ idNumber: v })} />
      </CellGroup>

      <CellGroup title='5. 请阅读'>
        <View className={`volunteer-consent${errors.agreed ? ' has-error' : ''}`}>
          {volunteerConsentText.map((line, index) => (
            <Text key={line} className='volunteer-consent__line'>{`${index + 1}. ${line}`}</Text>
          ))}
          <ChoiceButton className='volunteer-consent__agree' selected={form.agreed} onClick={() => patch({ agreed: !form.agreed })}>
            {form.agreed ? '☑ 我已阅读，同意以上内容' : '☐ 我已阅读，同意以上内容'}
          </ChoiceButton>
          {errors.agreed ? <Text className='choice-group__error'>{errors.agreed}</Text> : null}
        </View>
      </CellGroup>

      {errors.form ? <Text className='flow-error'>{errors.form}</Text> : null}
      {failure ? <ErrorNotice error={failure} /> : null}
      <View className='main-action'>
        {problems > 0 ? <Text className='flow-error'>{`还有 ${problems} 项要填写或修改，已在上面标红`}</Text> : null}
        <View className='section'>
          <Button variant='primary' size='large' loading={busy} onClick={() => void submit()}>
            提交申请
          </Button>
        </View>
      </View>
    </View>
  );
}
