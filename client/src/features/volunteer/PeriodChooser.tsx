import { View } from '@tarojs/components';
import { useState } from 'react';
import { districtDateKey } from '../../format/date-time';
import { ChoiceButton } from '../../ui/ChoiceButton';
import { Field } from '../../ui/Field';
import { periodChoices, periodOf, type Period, type PeriodChoice } from './certificate-period';

export type PeriodChoiceState = ReturnType<typeof usePeriodChoice>;

/** This year, last year, or two dates typed (checked as typed): the period a certificate or an hours table covers. */
export function usePeriodChoice() {
  const today = districtDateKey(new Date());
  const [choice, setChoice] = useState<PeriodChoice>('thisYear');
  const [custom, setCustom] = useState<Period>({ from: `${today.slice(0, 4)}-01-01`, to: today });
  return { choice, setChoice, custom, setCustom, chosen: periodOf(choice, today, custom) };
}

/** The choice buttons, and the two date fields when dates are typed; `block` names the page's CSS block. */
export function PeriodChooser({ label, block, state }: { label: string; block: string; state: PeriodChoiceState }) {
  const { choice, setChoice, custom, setCustom, chosen } = state;
  const problemAt = (field: 'from' | 'to') => ('field' in chosen && chosen.field === field ? chosen.message : undefined);
  return (
    <View>
      <View className={`${block}__choices`} role='group' aria-label={label}>
        {periodChoices.map((option) => (
          <ChoiceButton key={option.value} className={`${block}__choice`} selected={choice === option.value} onClick={() => setChoice(option.value)}>
            {option.label}
          </ChoiceButton>
        ))}
      </View>
      {choice === 'custom' ? (
        <View className={`${block}__custom`}>
          <Field label='开始日期' value={custom.from} placeholder='2026-01-01' maxLength={10} onChange={(from) => setCustom({ ...custom, from })} error={problemAt('from')} />
          <Field label='结束日期' value={custom.to} placeholder='2026-12-31' maxLength={10} onChange={(to) => setCustom({ ...custom, to })} error={problemAt('to')} />
        </View>
      ) : null}
    </View>
  );
}
