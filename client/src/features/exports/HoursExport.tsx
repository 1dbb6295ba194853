import { View } from '@tarojs/components';
import { exportsApi } from '../../api/exports.api';
import { PeriodChooser, usePeriodChoice } from '../volunteer/PeriodChooser';
import { ExportButtons } from './ExportButtons';

/** The volunteer hours table of a period (this year, last year, or dates typed) as Excel or PDF: staff their 街道, admin the district. */
export function HoursExport() {
  const period = usePeriodChoice();
  const { chosen } = period;
  return (
    <View className='exports'>
      <PeriodChooser label='导出的时间段' block='exports' state={period} />
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
