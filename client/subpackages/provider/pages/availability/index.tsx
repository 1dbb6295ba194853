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
import { hoursPageRoles } from '../../../../src/features/provider/provider-roles';
import { daysLabel, groupRules, rangeTerms, weekdayNames, weekOrder, type RuleGroup } from '../../../../src/features/provider/weekly-rules';
import { addDaysToKey, districtDateKey, formatDateKey, formatDateTime, shortDateOfKey, weekdayOfKey } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { confirm, showToast } from '../../../../src/ui/feedback';
import { Field } from '../../../../src/ui/Field';

const slotLengths = ['15', '20', '30', '45', '60'] as const;
const buffers = ['0', '5', '10', '15', '30'] as const;

/**
 * An advisor's or counselor's hours: the weekly time ranges and the days off. Kept short: a week
 * reads as a few lines (周一至周五 09:00–11:30), the form to add hours and the days to pick from
 * open only when asked for.
 */
export default function AvailabilityPage() {
  const state = useRequest(() => providerApi.availability(), []);
  return (
    <Page>
      <Text className='page-title'>服务时间</Text>
      <SignedIn roles={hoursPageRoles} forbiddenText='只有养老顾问和婚姻辅导师需要设置服务时间。'>
        {() => <RequestView state={state}>{(data) => <Editor initial={data} reload={() => void state.run()} />}</RequestView>}
      </SignedIn>
    </Page>
  );
}

type Draft = { weekdays: number[]; start: string; end: string; slotMinutes: string; capacity: string; bufferMinutes: string };
const emptyDraft: Draft = { weekdays: [], start: '09:00', end: '11:30', slotMinutes: '30', capacity: '1', bufferMinutes: '0' };

const draftOf = (group: RuleGroup): Draft => ({
  weekdays: group.weekdays,
  start: group.range.start,
  end: group.range.end,
  slotMinutes: String(group.range.slotMinutes),
  capacity: String(group.range.capacity),
  bufferMinutes: String(group.range.bufferMinutes),
});

function Editor({ initial, reload }: { initial: AvailabilityView; reload: () => void }) {
  const [rules, setRules] = useState<WeeklyRuleInput[]>(() => initial.rules.map((r) => ({ ...r })));
  // The add form is closed until asked for; `editing` holds the line taken out to change, to put back on 先不改.
  const [form, setForm] = useState<{ draft: Draft; editing: WeeklyRuleInput[] | null } | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [affected, setAffected] = useState<BookingView[] | null>(null);
  const groups = useMemo(() => groupRules(rules), [rules]);

  const without = (group: RuleGroup) => rules.filter((_, i) => !group.indexes.includes(i));
  const remove = (group: RuleGroup) => {
    setRules(without(group));
    setDirty(true);
  };
  const edit = (group: RuleGroup) => {
    setForm({ draft: draftOf(group), editing: group.indexes.map((i) => rules[i]!) });
    setRules(without(group));
  };
  const closeForm = () => {
    if (form?.editing) setRules([...rules, ...form.editing]);
    setForm(null);
  };
  const added = (next: WeeklyRuleInput[]) => {
    setRules(next);
    setForm(null);
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
        {rules.length === 0 ? <Text className='provider-card-note'>还没有设置时段，居民暂时约不到您。</Text> : null}
        {groups.map((group) => {
          const name = `${daysLabel(group.weekdays)} ${group.range.start}–${group.range.end}`;
          return (
            <View key={group.key} className='provider-rule'>
              <View className='provider-rule__text'>
                <Text className='provider-rule__days'>{daysLabel(group.weekdays)}</Text>
                <Text className='provider-rule__time'>{`${group.range.start}–${group.range.end}`}</Text>
                <Text className='provider-rule__terms'>{rangeTerms(group.range)}</Text>
              </View>
              <View className='provider-rule__actions'>
                <Button accessibleLabel={`修改 ${name}`} disabled={form !== null} onClick={() => edit(group)}>
                  修改
                </Button>
                <Button accessibleLabel={`删除 ${name}`} disabled={form !== null} onClick={() => remove(group)}>
                  删除
                </Button>
              </View>
            </View>
          );
        })}
      </CellGroup>

      {form ? (
        <RangeForm initial={form.draft} rules={rules} editing={form.editing !== null} serviceSlotMinutes={initial.slotMinutes ?? null} onAdded={added} onCancel={closeForm} />
      ) : (
        <View className='card-actions'>
          <Button block onClick={() => setForm({ draft: emptyDraft, editing: null })}>
            添加时段
          </Button>
        </View>
      )}

      {error ? <ErrorNotice error={error} onRetry={() => void save()} /> : null}
      {affected && affected.length > 0 ? (
        <Text className='provider-affected'>
          {`有 ${affected.length} 个已有预约不在新的时段内（${affected.map((b) => formatDateTime(b.startsAt)).join('、')}），请联系居民改期或取消。`}
        </Text>
      ) : null}
      {dirty && !form ? (
        <View className='main-action'>
          <Button variant='primary' size='large' loading={saving} onClick={() => void save()}>
            保存每周时段
          </Button>
        </View>
      ) : null}

      <DaysOff exceptions={initial.exceptions} reload={reload} />
    </View>
  );
}

type RangeFormProps = {
  initial: Draft;
  /** The rules kept; the new ranges are checked together with them (no overlaps). */
  rules: WeeklyRuleInput[];
  editing: boolean;
  /** The service's length: every slot lasts that long (the server refuses another); null offers a choice. */
  serviceSlotMinutes: number | null;
  onAdded: (next: WeeklyRuleInput[]) => void;
  onCancel: () => void;
};

function RangeForm({ initial, rules, editing, serviceSlotMinutes, onAdded, onCancel }: RangeFormProps) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const add = () => {
    if (draft.weekdays.length === 0) {
      setErrors({ weekdays: '请选择星期几' });
      return;
    }
    const added = draft.weekdays.map((weekday) => ({
      weekday,
      start: draft.start.trim(),
      end: draft.end.trim(),
      slotMinutes: serviceSlotMinutes ?? Number(draft.slotMinutes),
      capacity: Number(draft.capacity),
      bufferMinutes: Number(draft.bufferMinutes),
    }));
    const next = [...rules, ...added];
    const checked = checkInput(weeklyRulesSchema, next);
    if (!checked.ok) {
      // Paths are `<index>.<field>`: show the first problem of the new ranges under their fields.
      const found: Record<string, string> = {};
      for (const [path, message] of Object.entries(checked.fields)) {
        const [, field = 'form'] = path.split('.');
        if (!(field in found)) found[field] = message;
      }
      setErrors(found);
      return;
    }
    onAdded(next);
  };

  return (
    <CellGroup title={editing ? '修改时段' : '添加时段'}>
      <ChoiceGroup
        label='星期'
        note='可多选'
        options={weekOrder.map((d) => ({ value: String(d), label: weekdayNames[d]! }))}
        value={draft.weekdays.map(String)}
        error={errors.weekdays ?? errors.weekday}
        onChange={(value) => {
          const day = Number(value);
          setDraft({ ...draft, weekdays: draft.weekdays.includes(day) ? draft.weekdays.filter((d) => d !== day) : [...draft.weekdays, day] });
        }}
      />
      {/* Times and counts are checked by the schema, not by a length limit: no 5/5 counters here. */}
      <Field label='开始' value={draft.start} placeholder='09:00' hint='24 小时制，如 09:00' error={errors.start}
        onChange={(v) => setDraft({ ...draft, start: v })} />
      <Field label='结束' value={draft.end} placeholder='11:30' hint='24 小时制，如 17:00' error={errors.end}
        onChange={(v) => setDraft({ ...draft, end: v })} />
      {serviceSlotMinutes ? (
        <Text className='flow-hint'>{`每个号 ${serviceSlotMinutes} 分钟（这项服务的时长）`}</Text>
      ) : (
        <ChoiceGroup label='每个号（分钟）' options={slotLengths.map((v) => ({ value: v, label: v }))} value={draft.slotMinutes}
          error={errors.slotMinutes} onChange={(v) => setDraft({ ...draft, slotMinutes: v })} />
      )}
      {errors.slotMinutes && serviceSlotMinutes ? <Text className='choice-group__error'>{errors.slotMinutes}</Text> : null}
      <Field label='每号人数' type='number' value={draft.capacity} hint='1 到 50 人' error={errors.capacity}
        onChange={(v) => setDraft({ ...draft, capacity: v })} />
      <ChoiceGroup label='号与号间隔（分钟）' options={buffers.map((v) => ({ value: v, label: v }))} value={draft.bufferMinutes}
        error={errors.bufferMinutes} onChange={(v) => setDraft({ ...draft, bufferMinutes: v })} />
      {errors.form ? <Text className='provider-card-note choice-group__error'>{errors.form}</Text> : null}
      <View className='card-actions provider-card-actions'>
        <Button block onClick={onCancel}>
          {editing ? '先不改' : '先不加'}
        </Button>
        <Button variant='primary' block onClick={add}>
          {editing ? '改好了' : '加入时段'}
        </Button>
      </View>
    </CellGroup>
  );
}

function DaysOff({ exceptions, reload }: { exceptions: AvailabilityView['exceptions']; reload: () => void }) {
  const today = useMemo(() => districtDateKey(new Date()), []);
  const days = useMemo(() => Array.from({ length: 21 }, (_, i) => addDaysToKey(today, i)), [today]);
  const closed = exceptions.filter((e) => e.kind === 'closed' && e.date >= today).map((e) => e.date).sort();
  const [picking, setPicking] = useState(false);
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
      setPicking(false);
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
      {closed.length === 0 ? <Text className='provider-card-note'>近期没有休息日。</Text> : null}
      {closed.map((day) => (
        <View key={day} className='provider-rule'>
          <Text className='provider-rule__text'>{`${formatDateKey(day)} 休息`}</Text>
          <Button accessibleLabel={`取消 ${formatDateKey(day)} 的休息`} disabled={busy} onClick={() => void reopen(day)}>
            取消休息
          </Button>
        </View>
      ))}
      {picking ? (
        <ChoiceGroup
          label='选一天休息'
          options={days.filter((d) => !closed.includes(d)).map((d) => ({ value: d, label: `${shortDateOfKey(d)} ${weekdayOfKey(d)}` }))}
          value={date}
          onChange={setDate}
        />
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <View className='card-actions provider-card-actions'>
        {picking ? (
          <>
            <Button block disabled={busy} onClick={() => setPicking(false)}>
              先不设
            </Button>
            <Button variant='primary' block disabled={!date} loading={busy}
              onClick={() => void change(() => providerApi.addException({ date, kind: 'closed' }), '已设为休息日')}>
              {date ? `${shortDateOfKey(date)} 休息` : '设为休息日'}
            </Button>
          </>
        ) : (
          <Button block onClick={() => setPicking(true)}>
            设一天休息
          </Button>
        )}
      </View>
    </CellGroup>
  );
}
