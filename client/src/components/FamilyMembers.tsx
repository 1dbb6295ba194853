import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { familyRelationLabels, type FamilyRelation } from '../../../shared/domain/service-kinds';
import { bookingActions } from '../../../shared/schemas/booking.schema';
import { checkInput } from '../api/validate-input';
import { familyRelationOptions } from '../features/booking/booking-labels';
import { readFamilyMembers, removeFamilyMember, saveFamilyMember, type FamilyMember } from '../features/booking/family-members';
import { Button } from '../ui/Button';
import { CellGroup } from '../ui/Cell';
import { confirm, showToast } from '../ui/feedback';
import { Field } from '../ui/Field';
import { ChoiceGroup } from './ChoiceGroup';

// The same rules the booking form applies to a family member.
const familyMemberSchema = bookingActions.create.shape.forFamily.unwrap();
const nameLimit = 20;

/** Family members kept on this phone, picked with one tap when booking for them. */
export function FamilyMembers() {
  const [members, setMembers] = useState<FamilyMember[]>(readFamilyMembers);
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [relationship, setRelationship] = useState<FamilyRelation | ''>('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const add = () => {
    const checked = checkInput(familyMemberSchema, { name, phone: phone.trim(), relationship: relationship || undefined });
    if (!checked.ok) {
      setErrors({ ...checked.fields, ...(relationship ? {} : { relationship: '请选择与您的关系' }) });
      return;
    }
    setMembers(saveFamilyMember(checked.data));
    setAdding(false);
    setName('');
    setPhone('');
    setRelationship('');
    setErrors({});
    showToast('已保存，预约时可直接选择');
  };

  const remove = async (member: FamilyMember) => {
    const sure = await confirm({ title: '删除家人', content: `从常用家人中删除${member.name}？已有的预约不受影响。`, confirmText: '删除', danger: true });
    if (sure) setMembers(removeFamilyMember(member));
  };

  return (
    <CellGroup title='常用家人（只存在这台手机上）'>
      {members.length === 0 && !adding ? <Text className='provider-note family-empty'>为父母等家人预约时，可以先把他们存在这里。</Text> : null}
      {members.map((member) => (
        <View key={`${member.name}-${member.phone}`} className='provider-rule'>
          <Text className='provider-rule__text'>{`${member.name}（${familyRelationLabels[member.relationship] ?? ''}）${member.phone}`}</Text>
          <Button accessibleLabel={`删除家人 ${member.name}`} onClick={() => void remove(member)}>
            删除
          </Button>
        </View>
      ))}
      {adding ? (
        <View>
          <Field label='家人姓名' value={name} required maxLength={nameLimit} hint={`必填，最多 ${nameLimit} 字`} error={errors.name} onChange={setName} />
          <Field label='家人手机' type='phone' value={phone} required hint='必填，11 位手机号' error={errors.phone} onChange={setPhone} />
          <ChoiceGroup label='与您的关系' options={familyRelationOptions} value={relationship} error={errors.relationship} onChange={setRelationship} />
          <View className='card-actions family-actions'>
            <Button block onClick={() => setAdding(false)}>
              先不加
            </Button>
            <Button variant='primary' block onClick={add}>
              保存家人
            </Button>
          </View>
        </View>
      ) : (
        <View className='card-actions family-actions'>
          <Button block onClick={() => setAdding(true)}>
            添加家人
          </Button>
        </View>
      )}
    </CellGroup>
  );
}
