import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ageBands, type AgeBand } from '../../../../../shared/domain/volunteer/training-codes';
import type { PublicUser } from '../../../../../shared/schemas/user.schema';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { volunteerApi } from '../../../../src/api/volunteer.api';
import type { ClassSession } from '../../../../src/api/volunteer-views.schema';
import { ChoiceGroup, optionsOf } from '../../../../src/components/ChoiceGroup';
import { CommunityChoice } from '../../../../src/components/CommunityChoice';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { readFamilyMembers } from '../../../../src/features/booking/family-members';
import { formatDateTime, formatRange } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { useShownAgain } from '../../../../src/hooks/use-shown-again';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { ChoiceButton } from '../../../../src/ui/ChoiceButton';
import { Empty } from '../../../../src/ui/Empty';
import { Field } from '../../../../src/ui/Field';
import { showToast } from '../../../../src/ui/feedback';
import { Tag } from '../../../../src/ui/Tag';

/**
 * Smartphone classes for elders (智能技术培训课): a resident signs up themselves or a family member
 * (name, community and age band only: no phone, no ID), and sees whom they have signed up.
 */
export default function VolunteerClassesPage() {
  return (
    <Page>
      <Text className='page-title'>智能手机课报名</Text>
      <Text className='page-subtitle'>志愿者老师教老人用手机：挂号、付款、视频通话。免费。</Text>
      <SignedIn>{(user) => <Classes user={user} />}</SignedIn>
    </Page>
  );
}

function Classes({ user }: { user: PublicUser }) {
  const classes = useRequest(() => volunteerApi.classes(), []);
  const mine = useRequest(() => volunteerApi.myEnrolments(), []);
  const [chosen, setChosen] = useState<string | null>(null);
  const reload = () => {
    void classes.run();
    void mine.run();
  };
  useShownAgain(reload);
  return (
    <View>
      <RequestView state={mine}>
        {(data) =>
          data.items.length === 0 ? null : (
            <CellGroup title='已报名'>
              {data.items.map((item) => (
                <View key={item.id} className='card volunteer-activity'>
                  <Text className='text-key volunteer-activity__title'>{item.title ?? '智能手机课'}</Text>
                  <Text className='volunteer-activity__line'>{formatDateTime(item.startsAt)}</Text>
                  {item.place ? <Text className='volunteer-activity__line'>{`地点：${item.place}`}</Text> : null}
                  <Tag tone='success' prominent>{`已报名：${item.elderName ?? ''}`}</Tag>
                </View>
              ))}
            </CellGroup>
          )
        }
      </RequestView>
      <RequestView state={classes}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description='最近没有可以报名的手机课，过几天再来看看' />
          ) : (
            <CellGroup title='可以报名的课'>
              {data.items.map((session) => (
                <ClassCard key={session.id} session={session} user={user} open={chosen === session.id}
                  onOpen={() => setChosen(session.id)} onClose={() => setChosen(null)} onEnrolled={() => { setChosen(null); reload(); }} />
              ))}
            </CellGroup>
          )
        }
      </RequestView>
    </View>
  );
}

type CardProps = { session: ClassSession; user: PublicUser; open: boolean; onOpen: () => void; onClose: () => void; onEnrolled: () => void };

function ClassCard({ session, user, open, onOpen, onClose, onEnrolled }: CardProps) {
  const full = session.seatsLeft <= 0;
  return (
    <View className='card volunteer-activity'>
      <Text className='text-key volunteer-activity__title'>{session.title}</Text>
      <Text className='volunteer-activity__line'>{formatRange(session.startsAt, session.endsAt)}</Text>
      <Text className='volunteer-activity__line'>{`地点：${session.place}`}</Text>
      <Text className='volunteer-activity__line'>{full ? '座位已满' : `还剩 ${session.seatsLeft} 个座位`}</Text>
      {!session.enrolmentOpen ? <Text className='volunteer-note'>还没开始报名</Text> : null}
      {session.enrolmentOpen && !full && !open ? (
        <Button variant='primary' block accessibleLabel={`报名这节课 ${session.title} ${formatDateTime(session.startsAt)}`} onClick={onOpen}>
          报名这节课
        </Button>
      ) : null}
      {open ? <EnrolForm session={session} user={user} onDone={onEnrolled} onCancel={onClose} /> : null}
    </View>
  );
}

type Who = 'self' | 'family';
const nameLimit = 20;

function EnrolForm({ session, user, onDone, onCancel }: { session: ClassSession; user: PublicUser; onDone: () => void; onCancel: () => void }) {
  const [who, setWho] = useState<Who>('self');
  const [name, setName] = useState(user.name ?? '');
  const [communityId, setCommunityId] = useState(user.communityId ?? session.communityId);
  const [ageBand, setAgeBand] = useState<AgeBand | ''>('');
  const [errors, setErrors] = useState<{ name?: string; communityId?: string; ageBand?: string }>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // Family members saved for bookings, offered by name only: a class needs no phone.
  const family = readFamilyMembers();

  const choose = (next: Who) => {
    setWho(next);
    setName(next === 'self' ? (user.name ?? '') : '');
    setErrors({});
  };
  const submit = async () => {
    const trimmed = name.trim();
    const found = {
      name: trimmed === '' ? '请填写上课老人的姓名' : Array.from(trimmed).length > nameLimit ? `姓名最多 ${nameLimit} 字` : undefined,
      communityId: communityId ? undefined : '请选择住的社区',
      ageBand: ageBand ? undefined : '请选择年龄段',
    };
    setErrors(found);
    if (found.name || found.communityId || !ageBand) return;
    setBusy(true);
    setFailure(null);
    try {
      await volunteerApi.enrollElder({ activityId: session.id, who, name: trimmed, communityId, ageBand });
      showToast('报名成功');
      onDone();
    } catch (caught) {
      const error = toApiError(caught);
      const fields = error.code === 'VALIDATION_FAILED' ? error.fieldErrors() : {};
      if (fields.name || fields.communityId || fields.ageBand) setErrors({ name: fields.name, communityId: fields.communityId, ageBand: fields.ageBand });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='volunteer-classes__form'>
      <ChoiceGroup label='谁来上课' options={[{ value: 'self', label: '我自己' }, { value: 'family', label: '家里的老人' }]} value={who} onChange={choose} />
      {who === 'family' && family.length > 0 ? (
        <View className='choice-group'>
          <Text className='choice-group__label'>常用家人</Text>
          <View className='choice-group__options'>
            {family.map((member) => (
              <ChoiceButton key={`${member.name}-${member.phone}`} selected={name === member.name} accessibleLabel={`常用家人：${member.name}`} onClick={() => setName(member.name)}>
                {member.name}
              </ChoiceButton>
            ))}
          </View>
        </View>
      ) : null}
      <Field label='上课老人姓名' value={name} required maxLength={nameLimit} hint={`必填，最多 ${nameLimit} 字`} error={errors.name} onChange={setName} />
      <CommunityChoice value={communityId} error={errors.communityId} onChange={setCommunityId} />
      <ChoiceGroup label='年龄段' options={optionsOf(ageBands)} value={ageBand} error={errors.ageBand} onChange={setAgeBand} />
      <Text className='volunteer-note'>只记姓名、社区和年龄段，不用手机号和身份证。一个账号每节课最多给 3 位老人报名。</Text>
      {failure ? <ErrorNotice error={failure} /> : null}
      <View className='card-actions'>
        <Button block disabled={busy} onClick={onCancel}>
          不报了
        </Button>
        <Button variant='primary' block loading={busy} disabled={busy} onClick={() => void submit()}>
          确认报名
        </Button>
      </View>
    </View>
  );
}
