import { View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { toApiError, type ApiError } from '../../api/api-error';
import { staffApi } from '../../api/staff.api';
import type { Person } from '../../api/staff-views.schema';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Button } from '../../ui/Button';
import { Empty } from '../../ui/Empty';
import { Field } from '../../ui/Field';

type Props = {
  /** What each person found shows (masked name and phone), with `refresh` to search again after a change. */
  children: (person: Person, refresh: () => void) => ReactNode;
  /** The search field's label. */
  label?: string;
};

/**
 * Admin find a person by an 11-digit phone or part of a name (`staff.findPeople`, results masked):
 * the people page grants roles to them, the provider form links a record to one, the accounts page
 * resets their password.
 */
export function PersonFinder({ children, label = '手机号或姓名' }: Props) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Person[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const search = async () => {
    setError(null);
    try {
      setFound((await staffApi.findPeople(query.trim())).items);
    } catch (caught) {
      setError(toApiError(caught));
    }
  };
  return (
    <View>
      <Field label={label} value={query} hint='手机号请输入完整 11 位' onChange={setQuery} />
      <Button variant='primary' block disabled={query.trim() === ''} onClick={() => void search()}>
        查找
      </Button>
      {error ? <ErrorNotice error={error} /> : null}
      {found && found.length === 0 ? <Empty description='没有找到这个人。请对方先在小程序里登录一次。' /> : null}
      {found?.map((person) => <View key={person.userId}>{children(person, () => void search())}</View>)}
    </View>
  );
}
