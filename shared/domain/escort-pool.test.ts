import { escortsToTell, isOpenEscortRequest, orderEscortPool, type EscortPoolEntry } from './escort-pool';

const entry = (id: string, eligibility: EscortPoolEntry['eligibility'], appointment: string, created: string) => ({
  id,
  eligibility,
  appointmentAt: new Date(appointment),
  createdAt: new Date(created),
});

describe('orderEscortPool', () => {
  it('puts every eligible group before residents with no category, even with a later appointment', () => {
    const pool = [
      entry('none-early', 'none', '2025-09-22T01:00:00Z', '2025-09-20T00:00:00Z'),
      entry('disabled-late', 'disabled', '2025-09-25T01:00:00Z', '2025-09-21T00:00:00Z'),
      entry('dibao-mid', 'dibao', '2025-09-23T01:00:00Z', '2025-09-21T00:00:00Z'),
    ];
    expect(orderEscortPool(pool).map((request) => request.id)).toEqual(['dibao-mid', 'disabled-late', 'none-early']);
  });

  it('does not rank eligible groups among themselves, only by appointment', () => {
    const pool = [
      entry('tekun', 'tekun', '2025-09-24T01:00:00Z', '2025-09-20T00:00:00Z'),
      entry('elderly', 'elderly_alone', '2025-09-22T01:00:00Z', '2025-09-21T00:00:00Z'),
      entry('low', 'low_income', '2025-09-23T01:00:00Z', '2025-09-19T00:00:00Z'),
    ];
    expect(orderEscortPool(pool).map((request) => request.id)).toEqual(['elderly', 'low', 'tekun']);
  });

  it('breaks appointment ties by creation time, then by id', () => {
    const pool = [
      entry('c', 'none', '2025-09-22T01:00:00Z', '2025-09-20T02:00:00Z'),
      entry('b', 'none', '2025-09-22T01:00:00Z', '2025-09-20T01:00:00Z'),
      entry('a2', 'none', '2025-09-22T01:00:00Z', '2025-09-20T03:00:00Z'),
      entry('a1', 'none', '2025-09-22T01:00:00Z', '2025-09-20T03:00:00Z'),
    ];
    expect(orderEscortPool(pool).map((request) => request.id)).toEqual(['b', 'c', 'a1', 'a2']);
  });

  it('returns a new array, keeps extra fields and leaves the input order alone', () => {
    const pool = [
      { ...entry('later', 'none', '2025-09-23T01:00:00Z', '2025-09-20T00:00:00Z'), hospital: '区人民医院' },
      { ...entry('sooner', 'none', '2025-09-22T01:00:00Z', '2025-09-20T00:00:00Z'), hospital: '区中医院' },
    ];
    const ordered = orderEscortPool(pool);
    expect(ordered.map((request) => request.hospital)).toEqual(['区中医院', '区人民医院']);
    expect(pool.map((request) => request.id)).toEqual(['later', 'sooner']);
    expect(orderEscortPool([])).toEqual([]);
  });
});

describe('escortsToTell', () => {
  const escort = (userId: string, streetId: string | null, active = true) => ({ userId, streetId, active });

  it('tells the 街道’s escorts and the district team, not other 街道 or those off duty', () => {
    const escorts = [escort('here', 'st-a'), escort('district', null), escort('elsewhere', 'st-b'), escort('retired', 'st-a', false)];
    expect(escortsToTell(escorts, { streetId: 'st-a', bookerId: 'resident' })).toEqual(['here', 'district']);
  });

  it('never tells the resident who asked, and each account once', () => {
    const escorts = [escort('booker', 'st-a'), escort('twice', 'st-a'), escort('twice', null)];
    expect(escortsToTell(escorts, { streetId: 'st-a', bookerId: 'booker' })).toEqual(['twice']);
  });

  it('tells only the district team of a request with no 街道', () => {
    expect(escortsToTell([escort('here', 'st-a'), escort('district', null)], { streetId: null, bookerId: 'r' })).toEqual(['district']);
  });
});

describe('isOpenEscortRequest', () => {
  it('holds while an escort request is requested and nobody has it', () => {
    expect(isOpenEscortRequest({ service: 'escort', status: 'requested', providerId: null })).toBe(true);
    expect(isOpenEscortRequest({ service: 'escort', status: 'confirmed', providerId: 'pv' })).toBe(false);
    expect(isOpenEscortRequest({ service: 'escort', status: 'cancelled', providerId: null })).toBe(false);
    expect(isOpenEscortRequest({ service: 'advisor', status: 'requested', providerId: null })).toBe(false);
  });
});
