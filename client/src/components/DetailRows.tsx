import { Text, View } from '@tarojs/components';

/** Label–value lines (医院：…, 科室：…) inside a card. */
export function DetailRows({ rows }: { rows: { label: string; value: string }[] }) {
  return (
    <View className='detail-rows'>
      {rows.map((row) => (
        <View key={row.label} className='detail-row'>
          <Text className='detail-row__label'>{row.label}</Text>
          <Text className='detail-row__value'>{row.value}</Text>
        </View>
      ))}
    </View>
  );
}
