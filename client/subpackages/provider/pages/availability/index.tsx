import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { weeklyRulesSchema, type WeeklyRuleInput } from '../../../../../shared/schemas/availability.schema';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { providerApi } from '../../../../src/api/provider.api';
import { checkInput } from '../../../../src/api/validate-input';
import type { AvailabilityView, BookingView } from '../../../../src/api/views.schema';
import { ChoiceGroup } from '../../../../src/components/ChoiceGroup';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { addDaysToKey, districtDateKey, formatDateKey, formatDateTime, shortDateOfKey, weekdayOfKey } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { confirm, showToast } from '../../../../src/ui/feedback';
import { Field } from '../../../../src/ui/Field';

const weekdayNames = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
// Monday first, as people read a week.
const weekOrder = [1, 2, 3, 4, 5, 6, 0];
const slotLengths = ['15', '20', '30', '45', '60'] as const;
const buffers = ['0', '5', '10', '15', '30'] as const;

/** An advisor's or counselor's hours: the weekly time ranges and the days off. */
export default function AvailabilityPage() {
  const state = useRequest(() => providerApi.availability(), []);
  return (
    <Page>
      <Text className='page-title'>服务时间</Text>
      <SignedIn roles={['advisor', 'counselor', 'staff']} forbiddenText='只有养老顾问和婚姻辅导师需要设置服务时间。'>
        {() => <RequestView state={state}>{(data) => <Editor initial={data} reload={() => void state.run()} />}</RequestView>}
      </SignedIn>
    </Page>
  );
}

type Draft = { weekdays: number[]; start: string; end: string; slotMinutes: string; capacity: string; bufferMinutes: string };
const emptyDraft: Draft = { weekdays: [], start: '09:00', end: '11:30', slotMinutes: '30', capacity: '1', bufferMinutes: '0' };

function describe(rule: WeeklyRuleInput): string {
  return `${rule.start}–${rule.end}，每 ${rule.slotMinutes} 分钟一个号，每号 ${rule.capacity} 人${rule.bufferMinutes ? `，间隔 ${rule.bufferMinutes} 分钟` : ''}`;
}

function Editor({ initial, reload }: { initial: AvailabilityView; reload: () => void }) {
  const [rules, setRules] = useState<WeeklyRuleInput[]>(() => initial.rules.map((r) => ({ ...r })));
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [draftErrors, setDraftErrors] = useState<Record<string, string>>({});
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [affected, setAffected] = useState<BookingView[] | null>(null);

  const addRange = () => {
    if (draft.weekdays.length === 0) {
      setDraftErrors({ weekdays: '请选择星期几' });
      return;
    }
    const added = draft.weekdays.map((weekday) => ({
      weekday,
      start: draft.start.trim(),
      end: draft.end.trim(),
      // A slot lasts what the service lasts (the server refuses another length).
      slotMinutes: initial.slotMinutes ?? Number(draft.slotMinutes),
      capacity: Number(draft.capacity),
      bufferMinutes: Number(draft.bufferMinutes),
    }));
    const next = [...rules, ...added];
    const checked = checkInput(weeklyRulesSchema, next);
    if (!checked.ok) {
      // Paths are `<index>.<field>`: show the first problem of the new ranges under their fields.
      const errors: Record<string, string> = {};
      for (const [path, message] of Object.entries(checked.fields)) {
        const [, field = 'form'] = path.split('.');
        if (!(field in errors)) errors[field] = message;
      }
      setDraftErrors(errors);
      return;
    }
    setDraftErrors({});
    setRules(next);
    setDraft({ ...draft, weekdays: [] });
    setDirty(true);
  };

  const removeRange = (index: number) => {
    setRules(rules.filter((_, i) => i !== index));
    setDirty(true);
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const result = await providerApi.setWeeklyRules(rules);
      setAffected(result.affected);
      setDirty(false);
      showToast('已保存');
      reload();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <View>
      <CellGroup title='每周服务时段'>
        {rules.length === 0 ? <Text className='provider-note'>还没有设置时段，居民暂时约不到您。</Text> : null}
        <View>
          {weekOrder.flatMap((weekday) =>
            rules
              .map((rule, index) => ({ rule, index }))
              .filter(({ rule }) => rule.weekday === weekday)
              .map(({ rule, index }) => (
                <View key={`${weekday}-${index}`} className='provider-rule'>
                  <Text className='provider-rule__text'>{`${weekdayNames[weekday]} ${describe(rule)}`}</Text>
                  <Button accessibleLabel={`删除 ${weekdayNames[weekday]} ${rule.start}–${rule.end}`} onClick={() => removeRange(index)}>
                    删除
                  </Button>
                </View>
              )),
          )}
        </View>
      </CellGroup>

      <CellGroup title='添加时段'>
        <ChoiceGroup
          label='星期'
          note='可多选'
          options={weekOrder.map((d) => ({ value: String(d), label: weekdayNames[d]! }))}
          value={draft.weekdays.map(String)}
          error={draftErrors.weekdays ?? draftErrors.weekday}
          onChange={(value) => {
            const day = Number(value);
            setDraft({ ...draft, weekdays: draft.weekdays.includes(day) ? draft.weekdays.filter((d) => d !== day) : [...draft.weekdays, day] });
          }}
        />
        <Field label='开始' value={draft.start} placeholder='09:00' maxLength={5} hint='24 小时制，如 09:00' error={draftErrors.start}
          onChange={(v) => setDraft({ ...draft, start: v })} />
        <Field label='结束' value={draft.end} placeholder='11:30' maxLength={5} hint='24 小时制，如 17:00' error={draftErrors.end}
          onChange={(v) => setDraft({ ...draft, end: v })} />
        {initial.slotMinutes ? (
          <Text className='flow-hint'>{`每个号 ${initial.slotMinutes} 分钟（这项服务的时长）`}</Text>
        ) : (
          <ChoiceGroup label='每个号（分钟）' options={slotLengths.map((v) => ({ value: v, label: v }))} value={draft.slotMinutes}
            error={draftErrors.slotMinutes} onChange={(v) => setDraft({ ...draft, slotMinutes: v })} />
        )}
        {draftErrors.slotMinutes && initial.slotMinutes ? <Text className='choice-group__error'>{draftErrors.slotMinutes}</Text> : null}
        <Field label='每号人数' type='number' value={draft.capacity} maxLength={2} hint='1 到 50' error={draftErrors.capacity}
          onChange={(v) => setDraft({ ...draft, capacity: v })} />
        <ChoiceGroup label='号与号间隔（分钟）' options={buffers.map((v) => ({ value: v, label: v }))} value={draft.bufferMinutes}
          error={draftErrors.bufferMinutes} onChange={(v) => setDraft({ ...draft, bufferMinutes: v })} />
        {draftErrors.form ? <Text className='choice-group__error'>{draftErrors.form}</Text> : null}
        <View className='card-actions'>
          <Button block onClick={addRange}>
            加入时段
          </Button>
        </View>
      </CellGroup>

      {error ? <ErrorNotice error={error} onRetry={() => void save()} /> : null}
      {affected && affected.length > 0 ? (
        <Text className='provider-affected'>
          {`有 ${affected.length} 个已有预约不在新的时段内（${affected.map((b) => formatDateTime(b.startsAt)).join('、')}），请联系居民改期或取消。`}
        </Text>
      ) : null}
      <View className='main-action'>
        <Button variant='primary' size='large' disabled={!dirty} loading={saving} onClick={() => void save()}>
          {dirty ? '保存每周时段' : '每周时段已保存'}
        </Button>
      </View>

      <DaysOff exceptions={initial.exceptions} reload={reload} />
    </View>
  );
}

function DaysOff({ exceptions, reload }: { exceptions: AvailabilityView['exceptions']; reload: () => void }) {
  const today = useMemo(() => districtDateKey(new Date()), []);
  const days = useMemo(() => Array.from({ length: 21 }, (_, i) => addDaysToKey(today, i)), [today]);
  const closed = exceptions.filter((e) => e.kind === 'closed' && e.date >= today).map((e) => e.date).sort();
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const change = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      showToast(done);
      setDate('');
      reload();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const reopen = async (day: string) => {
    const sure = await confirm({ title: '取消休息', content: `${formatDateKey(day)}恢复按每周时段服务？`, confirmText: '恢复服务' });
    if (sure) void change(() => providerApi.removeException(day), '已恢复');
  };

  return (
    <CellGroup title='休息日'>
      {closed.length === 0 ? <Text className='provider-note'>近期没有休息日。</Text> : null}
      {closed.map((day) => (
        <View key={day} className='provider-rule'>
          <Text className='provider-rule__text'>{`${formatDateKey(day)} 休息`}</Text>
          <Button accessibleLabel={`取消 ${formatDateKey(day)} 的休息`} disabled={busy} onClick={() => void reopen(day)}>
            取消休息
          </Button>
        </View>
      ))}
      <ChoiceGroup
        label='选一天休息'
        options={days.filter((d) => !closed.includes(d)).map((d) => ({ value: d, label: `${shortDateOfKey(d)} ${weekdayOfKey(d)}` }))}
        value={date}
        onChange={setDate}
      />
      {error ? <ErrorNotice error={error} /> : null}
      <View className='card-actions'>
        <Button block disabled={!date} loading={busy} onClick={() => void change(() => providerApi.addException({ date, kind: 'closed' }), '已设为休息日')}>
          {date ? `${formatDateKey(date)} 休息` : '设为休息日'}
        </Button>
      </View>
    </CellGroup>
  );
}
