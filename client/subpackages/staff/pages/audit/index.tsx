import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { staffApi } from '../../../../src/api/staff.api';
import { ChoiceGroup, optionsOf } from '../../../../src/components/ChoiceGroup';
import { Page } from '../../../../src/components/Page';
import { Pager } from '../../../../src/components/Pager';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { auditActionLabel, auditKindLabels } from '../../../../src/features/staff/audit-labels';
import { auditRoles } from '../../../../src/features/staff/staff-roles';
import { formatDateTime } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { Empty } from '../../../../src/ui/Empty';

const PAGE_SIZE = 30;

/** The audit log for admin: who looked at whose full details and who changed what, newest first. */
export default function AuditPage() {
  return (
    <Page>
      <Text className='page-title'>操作记录</Text>
      <SignedIn roles={auditRoles} forbiddenText='操作记录只有区民政局管理员可以查看。'>
        {() => <AuditLog />}
      </SignedIn>
    </Page>
  );
}

function AuditLog() {
  const [kind, setKind] = useState<'all' | 'view_person' | 'change'>('all');
  const [page, setPage] = useState(1);
  const state = useRequest(() => staffApi.auditLog({ ...(kind === 'all' ? {} : { kind }), page, pageSize: PAGE_SIZE }), [kind, page]);
  return (
    <View>
      <ChoiceGroup
        label='类型'
        options={[{ value: 'all', label: '全部' }, ...optionsOf(auditKindLabels)]}
        value={kind}
        onChange={(value) => {
          setKind(value);
          setPage(1);
        }}
      />
      <RequestView state={state}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description='还没有操作记录' />
          ) : (
            <View>
              <Text className='page-subtitle'>{`共 ${data.total} 条`}</Text>
              {data.items.map((entry) => (
                <View key={entry.id} className='card audit-entry'>
                  <Text className='card__title'>{`${entry.actorName ?? '（未填姓名）'}：${auditActionLabel(entry.action)}`}</Text>
                  <Text className='audit-entry__line'>{`${formatDateTime(entry.at)} · ${auditKindLabels[entry.kind]}`}</Text>
                  {Object.entries(entry.target).map(([key, value]) => (
                    <Text key={key} className='audit-entry__line'>{`${key}：${value}`}</Text>
                  ))}
                </View>
              ))}
              <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} />
            </View>
          )
        }
      </RequestView>
    </View>
  );
}
