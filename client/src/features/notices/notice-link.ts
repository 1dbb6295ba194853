import type { Notice } from '../../api/views.schema';
import { routes, type Route, type RouteParams } from '../../navigation/routes';

const known = new Set<string>(Object.values(routes));

type Target = { route: Route; params: RouteParams };

/**
 * Where a notice opens when the server named no page of this app (an older server): per subject kind,
 * the one place on the client that maps a subject to a page. A kind not listed opens nothing.
 */
const subjectPages: Record<string, (id: string) => Target> = {
  booking: (id) => ({ route: routes.bookingDetail, params: { bookingId: id } }),
  // volunteer — client: 银龄行动's subjects (the server names these pages itself; this is the fallback).
  volunteer_application: (id) => ({ route: routes.volunteerStatus, params: { applicationId: id } }),
  activity: (id) => ({ route: routes.volunteerActivity, params: { activityId: id } }),
  // The record's id is `<activityId>:<userId>`: the page lists all of the volunteer's own records.
  volunteer_hours: () => ({ route: routes.volunteerHours, params: {} }),
};

/**
 * Where tapping a notice goes: the page the server named for it (the resident's booking, the
 * provider's case, the escort pool), as its WeChat message would open. Only pages of this app are
 * followed; otherwise its subject's page, if its kind has one.
 */
export function noticeTarget(notice: Pick<Notice, 'page' | 'subject' | 'bookingId'>): Target | null {
  const [path = '', query = ''] = notice.page.split('?');
  const route = `/${path.replace(/^\/+/, '')}`;
  if (path !== '' && known.has(route)) {
    const params: RouteParams = {};
    for (const [key, value] of new URLSearchParams(query)) if (key !== 'nid') params[key] = value;
    return { route: route as Route, params };
  }
  const subject = notice.subject ?? (notice.bookingId ? { kind: 'booking', id: notice.bookingId } : null);
  const page = subject ? subjectPages[subject.kind] : undefined;
  return subject && page ? page(subject.id) : null;
}
