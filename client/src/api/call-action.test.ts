import { resetTaroMock } from '../../test/taro.mock';
import { ApiError } from './api-error';
import { callAction } from './call-function';
import { markReadResultSchema } from './views.schema';

// Only the network is replaced: fetch answers as the host would.
const fetchMock = jest.fn<Promise<Response>, [string, RequestInit]>();
const reply = (status: number, body: unknown) => ({ status, ok: status < 400, text: async () => JSON.stringify(body) }) as Response;

beforeEach(() => {
  resetTaroMock();
  fetchMock.mockReset();
  global.fetch = fetchMock as unknown as typeof fetch;
});

describe('callAction', () => {
  it('sends the input the shared schema describes and parses the reply with the view schema', async () => {
    fetchMock.mockResolvedValue(reply(200, { ok: true, data: { updated: 2 } }));
    await expect(callAction('notify', 'markRead', { ids: ['n1', 'n2'] }, markReadResultSchema)).resolves.toEqual({ updated: 2 });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/notify');
    expect(JSON.parse(String(fetchMock.mock.calls[0]![1].body))).toEqual({ action: 'markRead', ids: ['n1', 'n2'] });
  });

  it('refuses a reply that is not the result it names', async () => {
    fetchMock.mockResolvedValue(reply(200, { ok: true, data: {} }));
    await expect(callAction('notify', 'markRead', { all: true }, markReadResultSchema)).rejects.toMatchObject({ code: 'BAD_RESPONSE' } satisfies Partial<ApiError>);
  });

  it('does not compile for a function, an action or an input the server does not have', () => {
    // Never run: `tsc` (npm run typecheck) is what checks these lines.
    const unchecked = () => {
      // @ts-expect-error no such function
      void callAction('payments', 'refund', {}, markReadResultSchema);
      // @ts-expect-error no such action of notify
      void callAction('notify', 'deleteAll', {}, markReadResultSchema);
      // @ts-expect-error ids must be strings
      void callAction('notify', 'markRead', { ids: [1] }, markReadResultSchema);
      // @ts-expect-error booking.detail needs a bookingId
      void callAction('booking', 'detail', {}, markReadResultSchema);
    };
    expect(typeof unchecked).toBe('function');
  });
});
