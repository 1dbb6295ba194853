import type { Notice } from '../../api/views.schema';
import { routes, type Route, type RouteParams } from '../../navigation/routes';

const known = new Set<string>(Object.values(routes));

/**
 * Where tapping a notice goes: the page the server named for it (the resident's booking, the
 * provider's case, the escort pool), as its WeChat message would open. Only pages of this app are
 * followed; an older server without `page` falls back to the booking.
 */
export function noticeTarget(notice: Pick<Notice, 'page' | 'bookingId'>): { route: Route; params: RouteParams } | null {
  const [path = '', query = ''] = notice.page.split('?');
  const route = `/${path.replace(/^\/+/, '')}`;
  if (path !== '' && known.has(route)) {
    const params: RouteParams = {};
    for (const [key, value] of new URLSearchParams(query)) if (key !== 'nid') params[key] = value;
    return { route: route as Route, params };
  }
  return notice.bookingId ? { route: routes.bookingDetail, params: { bookingId: notice.bookingId } } : null;
}
