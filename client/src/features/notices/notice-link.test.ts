import { routes } from '../../navigation/routes';
import { noticeTarget } from './notice-link';

describe('noticeTarget', () => {
  it('opens an open escort request in the pool, not in the resident’s booking page', () => {
    expect(noticeTarget({ page: 'subpackages/provider/pages/pool/index?nid=escort_request_open%3Abk1%3Au1', bookingId: 'bk1' })).toEqual({
      route: routes.providerPool,
      params: {},
    });
  });

  it('opens a provider’s notice on their case page with the booking', () => {
    expect(noticeTarget({ page: 'subpackages/provider/pages/case/index?bookingId=bk2&nid=x', bookingId: 'bk2' })).toEqual({
      route: routes.providerCase,
      params: { bookingId: 'bk2' },
    });
  });

  it('follows no page outside the app and falls back to the booking, or nowhere', () => {
    expect(noticeTarget({ page: 'https://example.com/x?bookingId=bk3', bookingId: 'bk3' })).toEqual({ route: routes.bookingDetail, params: { bookingId: 'bk3' } });
    expect(noticeTarget({ page: '', bookingId: null })).toBeNull();
  });
});
