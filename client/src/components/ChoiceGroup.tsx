import { Text, View } from '@tarojs/components';
import { ChoiceButton } from '../ui/ChoiceButton';

type Option<T extends string> = { value: T; label: string };

type Props<T extends string> = {
  label: string;
  options: readonly Option<T>[];
  /** One value, or several when `multiple`. */
  value: T | '' | readonly T[];
  onChange: (value: T) => void;
  error?: string;
  /** Shown after the label, e.g. (可多选). */
  note?: string;
};

/** A labelled set of choices in a form (咨询内容, 与您的关系 …); one tap picks. */
export function ChoiceGroup<T extends string>({ label, options, value, onChange, error, note }: Props<T>) {
  const isChosen = (option: T) => (Array.isArray(value) ? value.includes(option) : value === option);
  return (
    // The whole group is marked, so scrolling to the first problem shows its label and choices.
    <View className={`choice-group${error ? ' has-error' : ''}`}>
      <Text className='choice-group__label'>{note ? `${label}（${note}）` : label}</Text>
      <View className='choice-group__options'>
        {options.map((option) => (
          <ChoiceButton
            key={option.value}
            selected={isChosen(option.value)}
            accessibleLabel={`${label}：${option.label}`}
            onClick={() => onChange(option.value)}
          >
            {option.label}
          </ChoiceButton>
        ))}
      </View>
      {error ? <Text className='choice-group__error'>{error}</Text> : null}
    </View>
  );
}

/** Options from a code → label table, in the table's order. */
export function optionsOf<T extends string>(labels: Record<T, string>): Option<T>[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}
