import { Text, View } from '@tarojs/components';
import { weekdayNames } from '../../../../shared/domain/station-hours';
import { Notice } from '../../ui/Notice';
import { Button } from '../../ui/Button';
import { CellGroup } from '../../ui/Cell';
import { Field } from '../../ui/Field';
import { Switch } from '../../ui/Switch';
import { copyMondayToWeekdays, dayProblem, type DayHours } from './opening-hours-form';

type Props = { days: DayHours[]; onChange: (days: DayHours[]) => void; problems: string[] };

/**
 * A station's week as its door sign reads: one row a day, open or not, opening and closing time,
 * and a lunch break if it closes at noon. Times are typed as 08:30.
 */
export function OpeningHoursEditor({ days, onChange, problems }: Props) {
  const change = (weekday: number, patch: Partial<DayHours>) => onChange(days.map((d) => (d.weekday === weekday ? { ...d, ...patch } : d)));
  return (
    <CellGroup title='开放时间（时间写成 08:30 这样）'>
      <Button block onClick={() => onChange(copyMondayToWeekdays(days))}>
        周二到周五照周一填写
      </Button>
      {days.map((day) => {
        const name = weekdayNames[day.weekday]!;
        const problem = dayProblem(day);
        return (
          <View key={day.weekday} className='card station-day'>
            <Switch label={name} description={day.open ? '开放' : '不开放'} checked={day.open} onChange={(open) => change(day.weekday, { open })} />
            {day.open ? (
              <>
                <View className='station-day__times'>
                  <Field label={`${name}开门`} value={day.opens} maxLength={5} onChange={(opens) => change(day.weekday, { opens })} />
                  <Field label={`${name}关门`} value={day.closes} maxLength={5} onChange={(closes) => change(day.weekday, { closes })} />
                </View>
                <Switch label='中午休息' checked={day.lunch} onChange={(lunch) => change(day.weekday, { lunch })} />
                {day.lunch ? (
                  <View className='station-day__times'>
                    <Field label={`${name}午休开始`} value={day.lunchFrom} maxLength={5} onChange={(lunchFrom) => change(day.weekday, { lunchFrom })} />
                    <Field label={`${name}午休结束`} value={day.lunchTo} maxLength={5} onChange={(lunchTo) => change(day.weekday, { lunchTo })} />
                  </View>
                ) : null}
                {problem ? <Text className='station-day__problem'>{problem}</Text> : null}
              </>
            ) : null}
          </View>
        );
      })}
      {problems.length > 0 ? (
        <Notice tone='error'>
          <Text className='ui-notice__message'>{problems.join('\n')}</Text>
        </Notice>
      ) : null}
    </CellGroup>
  );
}
