import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { ageBands, type AgeBand } from '../../../../../shared/domain/volunteer/training-codes';
import { ROLL_OPENS_BEFORE_MS, rollOpen } from '../../../../../shared/domain/volunteer/training-rules';
import { toApiError, type ApiError } from '../../../../src/api/api-error';
import { volunteerApi } from '../../../../src/api/volunteer.api';
import type { ClassRoll } from '../../../../src/api/volunteer-views.schema';
import { ChoiceGroup, optionsOf } from '../../../../src/components/ChoiceGroup';
import { CommunityChoice } from '../../../../src/components/CommunityChoice';
import { ErrorNotice } from '../../../../src/components/ErrorNotice';
import { Page } from '../../../../src/components/Page';
import { RequestView } from '../../../../src/components/RequestView';
import { SignedIn } from '../../../../src/components/SignedIn';
import { formatDateTime, formatRange } from '../../../../src/format/date-time';
import { useRequest } from '../../../../src/hooks/use-request';
import { goTo, routes, usePageParams } from '../../../../src/navigation/routes';
import { Button } from '../../../../src/ui/Button';
import { CellGroup } from '../../../../src/ui/Cell';
import { ChoiceButton } from '../../../../src/ui/ChoiceButton';
import { Field } from '../../../../src/ui/Field';
import { showToast } from '../../../../src/ui/feedback';
import { Notice } from '../../../../src/ui/Notice';
import { Tag } from '../../../../src/ui/Tag';

/**
 * The teacher's roll for one class session: tick the elders who came, add those who came without
 * signing up (name, community and age band only: no phone, no ID), and send it. Each elder counts
 * once per session however often the roll is sent. The server shows the class only to its teacher
 * (and staff of its 街道); anyone else gets "not found".
 */
export default function VolunteerRollPage() {
  const { activityId = '' } = usePageParams();
  return (
    <Page>
      <Text className='page-title'>课堂点名</Text>
      <SignedIn roles={['volunteer', 'staff', 'admin']} forbiddenText='只有这节课的主讲老师可以点名。'>
        {() => <RollLoader activityId={activityId} />}
      </SignedIn>
    </Page>
  );
}

function RollLoader({ activityId }: { activityId: string }) {
  const state = useRequest(() => volunteerApi.classRoll(activityId), [activityId]);
  const wayOn = (
    <Button variant='primary' size='large' onClick={() => goTo(routes.volunteerMine)}>
      看我报名的活动
    </Button>
  );
  return (
    <RequestView state={state} wayOn={wayOn}>
      {(roll) => <RollBody roll={roll} reload={() => void state.run()} />}
    </RequestView>
  );
}

type WalkIn = { key: string; name: string; communityId: string; ageBand: AgeBand };

function RollBody({ roll, reload }: { roll: ClassRoll; reload: () => void }) {
  const [ticked, setTicked] = useState<string[]>([]);
  const [walkIns, setWalkIns] = useState<WalkIn[]>([]);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [counted, setCounted] = useState<{ added: number; personTimes: number } | null>(null);
  // A key per walk-in, made once on this phone: a roll sent again after a failure adds them once.
  const keys = useRef({ opened: Date.now().toString(36), next: 0 });
  const walkInKey = () => `w${keys.current.opened}-${keys.current.next++}`;

  const toggle = (elderId: string) => setTicked((list) => (list.includes(elderId) ? list.filter((x) => x !== elderId) : [...list, elderId]));
  const toSend = ticked.length + walkIns.length;

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await volunteerApi.takeRoll({ activityId: roll.activityId, present: ticked, walkIns });
      setCounted({ added: result.added, personTimes: result.personTimes });
      setTicked([]);
      setWalkIns([]);
      showToast(`已记 ${result.added} 人次`);
      reload();
    } catch (caught) {
      setFailure(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const present = roll.items.filter((item) => item.present).length;
  // Said before the teacher fills anything in; the server still decides (a phone's clock may be off).
  const closedNote = rollClosedNote(roll, new Date());
  return (
    <View>
      <View className='card volunteer-activity'>
        <Text className='text-key volunteer-activity__title'>{roll.title}</Text>
        <Text className='volunteer-activity__line'>{formatRange(roll.startsAt, roll.endsAt)}</Text>
        <Text className='volunteer-activity__line'>{`报名 ${roll.enrolled} 位，已到 ${present} 位，本节课共记 ${roll.personTimes} 人次`}</Text>
      </View>
      {closedNote ? <Notice tone='info'>{closedNote}</Notice> : null}

      {counted ? (
        <View className='card volunteer-status'>
          <Tag tone='success' prominent>点名已保存</Tag>
          <Text className='text-key'>{`这次新记 ${counted.added} 人次，本节课共 ${counted.personTimes} 人次`}</Text>
        </View>
      ) : null}

      <CellGroup title='来了的老人，点一下“到了”'>
        {roll.items.length === 0 ? <Text className='volunteer-note'>还没有老人报名。来了的老人请在下面添加。</Text> : null}
        {roll.items.map((item) => (
          <View key={item.elderId} className='volunteer-roll__row'>
            <Text className='volunteer-roll__name'>{`${item.name}（${item.ageBandLabel}${item.communityName ? `，${item.communityName}` : ''}）${item.enrolled ? '' : item.walkIn ? ' 现场' : ' 常来'}`}</Text>
            {item.present ? (
              <Tag tone='success'>已到</Tag>
            ) : (
              <ChoiceButton selected={ticked.includes(item.elderId)} accessibleLabel={`${item.name} 到了`} onClick={() => toggle(item.elderId)}>
                {ticked.includes(item.elderId) ? '✓ 到了' : '到了'}
              </ChoiceButton>
            )}
          </View>
        ))}
      </CellGroup>

      <CellGroup title='没报名、现场来的老人'>
        {walkIns.map((w) => (
          <View key={w.key} className='volunteer-roll__row'>
            <Text className='volunteer-roll__name'>{`${w.name}（${ageBands[w.ageBand]}）`}</Text>
            <Button accessibleLabel={`去掉 ${w.name}`} onClick={() => setWalkIns((list) => list.filter((x) => x.key !== w.key))}>
              去掉
            </Button>
          </View>
        ))}
        {adding ? (
          <WalkInForm
            onAdd={(w) => {
              const key = walkInKey();
              setWalkIns((list) => [...list, { ...w, key }]);
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <View className='card-actions'>
            <Button block onClick={() => setAdding(true)}>
              添加现场来的老人
            </Button>
          </View>
        )}
      </CellGroup>

      {failure ? <ErrorNotice error={failure} /> : null}
      <View className='main-action'>
        <Button variant='primary' size='large' loading={busy} disabled={busy || toSend === 0} onClick={() => void submit()}>
          {toSend > 0 ? `保存点名（${toSend} 位）` : '保存点名'}
        </Button>
      </View>
    </View>
  );
}

/** Why the roll cannot be taken now, or null while it is open (the rule is the server's, training-rules). */
function rollClosedNote(roll: Pick<ClassRoll, 'startsAt' | 'endsAt'>, now: Date): string | null {
  const session = { startsAt: new Date(roll.startsAt), endsAt: new Date(roll.endsAt) };
  if (rollOpen(session, now)) return null;
  if (now < session.startsAt) return `还没到点名时间：${formatDateTime(new Date(session.startsAt.getTime() - ROLL_OPENS_BEFORE_MS).toISOString())}起可以点名（课前半小时）。`;
  return '这节课的点名已经结束：课后两天内可以点名。';
}

const nameLimit = 20;

function WalkInForm({ onAdd, onCancel }: { onAdd: (w: Omit<WalkIn, 'key'>) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [communityId, setCommunityId] = useState('');
  const [ageBand, setAgeBand] = useState<AgeBand | ''>('');
  const [errors, setErrors] = useState<{ name?: string; communityId?: string; ageBand?: string }>({});
  const add = () => {
    const found = {
      name: name.trim() === '' ? '请填写老人的姓名' : Array.from(name.trim()).length > nameLimit ? `姓名最多 ${nameLimit} 字` : undefined,
      communityId: communityId ? undefined : '请选择老人住的社区',
      ageBand: ageBand ? undefined : '请选择年龄段',
    };
    setErrors(found);
    if (found.name || found.communityId || found.ageBand || !ageBand) return;
    onAdd({ name: name.trim(), communityId, ageBand });
  };
  return (
    <View className='volunteer-roll__form'>
      <Text className='volunteer-note'>只记姓名、社区和年龄段，不用手机号和身份证。</Text>
      <Field label='老人姓名' value={name} required maxLength={nameLimit} hint={`必填，最多 ${nameLimit} 字`} error={errors.name} onChange={setName} />
      <CommunityChoice value={communityId} error={errors.communityId} onChange={setCommunityId} />
      <ChoiceGroup label='年龄段' options={optionsOf(ageBands)} value={ageBand} error={errors.ageBand} onChange={setAgeBand} />
      <View className='card-actions'>
        <Button block onClick={onCancel}>
          先不加
        </Button>
        <Button variant='primary' block onClick={add}>
          加到点名里
        </Button>
      </View>
    </View>
  );
}
