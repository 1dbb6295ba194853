import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { volunteerManageApi } from '../../../../src/api/volunteer-manage.api';
import type { ApplicationItem } from '../../../../src/api/volunteer-manage-views.schema';
import { ChoiceGroup } from '../../../../src/components/ChoiceGroup';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { manageForbiddenText, managePageRoles } from '../../../../src/features/volunteer/manage-roles';
import { formatDateTime } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { useShownAgain } from '../../../../src/hooks/use-shown-again';
import { goTo, routes } from '../../../../src/navigation/routes';
import { Empty } from '../../../../src/ui/Empty';
import { Tag } from '../../../../src/ui/Tag';
import { Tappable } from '../../../../src/ui/Tappable';

type Filter = 'pending' | 'approved' | 'rejected';
const filters = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '未通过' },
] as const;

/** volunteer — staff: the 街道's applications, pending first; a tap opens one to decide. */
export default function ManageApplicationsPage() {
  return (
    <Page>
      <Text className='page-title'>志愿者申请</Text>
      <SignedIn roles={managePageRoles} forbiddenText={manageForbiddenText}>
        {() => <Applications />}
      </SignedIn>
    </Page>
  );
}

function Applications() {
  const [filter, setFilter] = useState<Filter>('pending');
  const state = useRequest(() => volunteerManageApi.applications(filter), [filter]);
  useShownAgain(() => void state.run());
  return (
    <View>
      <View className='section'>
        <ChoiceGroup label='看哪些' options={filters} value={filter} onChange={setFilter} />
      </View>
      <RequestView state={state}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description={filter === 'pending' ? '没有待审核的申请' : '没有这样的申请'} />
          ) : (
            <View className='flow-cards'>
              {data.items.map((item) => (
                <ApplicationCard key={item.id} item={item} />
              ))}
            </View>
          )
        }
      </RequestView>
    </View>
  );
}

function ApplicationCard({ item }: { item: ApplicationItem }) {
  return (
    <Tappable className='card volunteer-activity' onClick={() => goTo(routes.manageApplication, { applicationId: item.id })}>
      <Text className='text-key volunteer-activity__title'>{item.name}</Text>
      <Tag tone={item.status === 'pending' ? 'warning' : item.status === 'approved' ? 'success' : 'default'}>{item.statusLabel}</Tag>
      <Text className='volunteer-activity__line'>{[item.communityName, item.backgroundLabel].filter(Boolean).join(' · ')}</Text>
      <Text className='volunteer-activity__line'>{`技能：${item.skillLabels.join('、') || '无'}`}</Text>
      <Text className='volunteer-activity__line'>{`提交于 ${formatDateTime(item.submittedAt)}`}</Text>
      <Text className='volunteer-activity__more'>看详情 ›</Text>
    </Tappable>
  );
}
