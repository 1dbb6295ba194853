import { View } from '@tarojs/components';
import { useState } from 'react';
import { exportsApi } from '../../api/exports.api';
import { districtDateKey } from '../../format/date-time';
import { ChoiceButton } from '../../ui/ChoiceButton';
import { Field } from '../../ui/Field';
import { periodChoices, periodOf, type Period, type PeriodChoice } from '../volunteer/certificate-period';
import { ExportButtons } from './ExportButtons';

/** The volunteer hours table of a period (this year, last year, or dates typed) as Excel or PDF: staff their 街道, admin the district. */
export function HoursExport() {
  const today = districtDateKey(new Date());
  const [choice, setChoice] = useState<PeriodChoice>('thisYear');
  const [custom, setCustom] = useState<Period>({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const chosen = periodOf(choice, today, custom);
  return (
    <View className='exports'>
      <View className='exports__choices' role='group' aria-label='导出的时间段'>
        {periodChoices.map((option) => (
          <ChoiceButton key={option.value} className='exports__choice' selected={choice === option.value} onClick={() => setChoice(option.value)}>
            {option.label}
          </ChoiceButton>
        ))}
      </View>
      {choice === 'custom' ? (
        <View>
          <Field label='开始日期' value={custom.from} placeholder='2026-01-01' maxLength={10} onChange={(from) => setCustom({ ...custom, from })}
            error={'field' in chosen && chosen.field === 'from' ? chosen.message : undefined} />
          <Field label='结束日期' value={custom.to} placeholder='2026-12-31' maxLength={10} onChange={(to) => setCustom({ ...custom, to })}
            error={'field' in chosen && chosen.field === 'to' ? chosen.message : undefined} />
        </View>
      ) : null}
      {'period' in chosen ? (
        <ExportButtons
          note={`${chosen.period.from} 至 ${chosen.period.to} 的活动；PDF 每个街道一页起。`}
          choices={[
            { key: 'hours-xlsx', label: '导出时长表 Excel', request: () => exportsApi.volunteerHoursXlsx(chosen.period.from, chosen.period.to) },
            { key: 'hours-pdf', label: '导出时长表 PDF', request: () => exportsApi.volunteerHoursPdf(chosen.period.from, chosen.period.to) },
          ]}
        />
      ) : null}
    </View>
  );
}
