import { useState } from 'react';
import { catalogApi } from '../api/catalog.api';
import { useRequest } from '../hooks/use-request';
import { ChoiceGroup } from './ChoiceGroup';
import { RequestView } from './RequestView';

type Props = { value: string; onChange: (communityId: string) => void; error?: string };

/** 街道, then its 社区: where the resident lives, from which bookings start. */
export function CommunityChoice({ value, onChange, error }: Props) {
  const streets = useRequest(() => catalogApi.streets(), []);
  const [streetId, setStreetId] = useState<string | null>(null);
  return (
    <RequestView state={streets}>
      {(list) => {
        const shownStreet = streetId ?? list.find((street) => street.communities.some((c) => c.id === value))?.id ?? '';
        const communities = list.find((street) => street.id === shownStreet)?.communities ?? [];
        return (
          <>
            <ChoiceGroup label='所在街道' options={list.map((street) => ({ value: street.id, label: street.name }))} value={shownStreet} onChange={setStreetId} />
            {shownStreet ? (
              <ChoiceGroup label='所在社区' options={communities.map((c) => ({ value: c.id, label: c.name }))} value={value} error={error} onChange={onChange} />
            ) : null}
          </>
        );
      }}
    </RequestView>
  );
}
