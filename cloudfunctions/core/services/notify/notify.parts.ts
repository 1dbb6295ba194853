import type { EventLog } from '../../ports/event-log';
import { afterReply } from '../../runtime/after-reply';
import type { ServiceParts, SharedPart } from '../composition';
import { bookingNoticeHandler } from '../booking/booking-notices';
import { activityNoticeHandler } from '../activity/activity-notices';
import { registrationNoticeHandler } from '../volunteer/registration-notices';
import { hoursNoticeHandler } from '../attendance/attendance-notices';
import { createNotifyServices } from './notify.service';

export const notifyParts = {
  notify: ({ config, repos, clock, ids }) => {
    // Each domain tells notify what its subjects mean; a new kind adds its handler here.
    const subjects = new Map([
      ['booking', bookingNoticeHandler({ bookings: repos.bookings, providers: repos.providers })],
      ['activity', activityNoticeHandler({ activities: repos.activities })],
    ]);
    // volunteer — registration: the applicant is told the decision on their application.
    subjects.set('volunteer_application', registrationNoticeHandler());
    // volunteer — attendance: a volunteer is told each decision on their hours.
    subjects.set('volunteer_hours', hoursNoticeHandler());
    return createNotifyServices({ config, repos, clock, ids, subjects });
  },
} satisfies ServiceParts;

/**
 * Events become inbox notices right after the reply of the call that records them (after-reply.ts);
 * the notify.deliver timer catches whatever that misses (a crash in between), so nobody waits for
 * the next minute. A function whose services record events lists notifyParts too.
 */
export const outboxPart: SharedPart<EventLog> = ({ repos, services }) => {
  // Taken now, not at the first event: a function composed without notify fails when it starts.
  const { intake } = services.notify;
  return {
    async add(event) {
      await repos.outbox.add(event);
      await afterReply(() => intake.handleNow(event));
    },
  };
};
