import { routes } from '../../navigation/routes';
import { noticeTarget } from './notice-link';

const booking = (id: string) => ({ kind: 'booking', id });

describe('noticeTarget', () => {
  it('opens an open escort request in the pool, not in the resident’s booking page', () => {
    expect(noticeTarget({ page: 'subpackages/provider/pages/pool/index?nid=escort_request_open%3Abk1%3Au1', subject: booking('bk1'), bookingId: 'bk1' })).toEqual({
      route: routes.providerPool,
      params: {},
    });
  });

  it('opens a volunteer’s notices on the pages the server names: the status and the activity', () => {
    expect(noticeTarget({ page: 'subpackages/volunteer/pages/status/index?applicationId=va-u1-1', subject: { kind: 'volunteer_application', id: 'va-u1-1' }, bookingId: null })).toEqual({
      route: routes.volunteerStatus,
      params: { applicationId: 'va-u1-1' },
    });
    expect(noticeTarget({ page: 'subpackages/volunteer/pages/activity/index?activityId=act1&nid=n1', subject: { kind: 'activity', id: 'act1' }, bookingId: null })).toEqual({
      route: routes.volunteerActivity,
      params: { activityId: 'act1' },
    });
    // An older server that names no page: the subject's page.
    expect(noticeTarget({ page: '', subject: { kind: 'activity', id: 'act2' }, bookingId: null })).toEqual({ route: routes.volunteerActivity, params: { activityId: 'act2' } });
  });

  it('opens an hours decision on my hours, named by the server or from its subject', () => {
    const subject = { kind: 'volunteer_hours', id: 'act1:u1' };
    expect(noticeTarget({ page: 'subpackages/volunteer/pages/hours/index?nid=n2', subject, bookingId: null })).toEqual({ route: routes.volunteerHours, params: {} });
    expect(noticeTarget({ page: '', subject, bookingId: null })).toEqual({ route: routes.volunteerHours, params: {} });
  });

  it('opens a provider’s notice on their case page with the booking', () => {
    expect(noticeTarget({ page: 'subpackages/provider/pages/case/index?bookingId=bk2&nid=x', subject: booking('bk2'), bookingId: 'bk2' })).toEqual({
      route: routes.providerCase,
      params: { bookingId: 'bk2' },
    });
  });

  it('follows no page outside the app and falls back to its subject’s page, or nowhere', () => {
    expect(noticeTarget({ page: 'https://example.com/x?bookingId=bk3', subject: booking('bk3'), bookingId: 'bk3' })).toEqual({ route: routes.bookingDetail, params: { bookingId: 'bk3' } });
    expect(noticeTarget({ page: '', subject: null, bookingId: null })).toBeNull();
    // A kind the client has no page for opens nothing rather than a wrong page.
    expect(noticeTarget({ page: '', subject: { kind: 'festival_stall', id: 'ac1' }, bookingId: null })).toBeNull();
  });

  it('reads a notice of an older server that names only its booking', () => {
    expect(noticeTarget({ page: '', subject: null, bookingId: 'bk4' })).toEqual({ route: routes.bookingDetail, params: { bookingId: 'bk4' } });
  });
});
