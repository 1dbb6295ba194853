/**
 * What a piece of shared machinery is about: a hold (seat, time lock), an outbox event or a notice
 * names its subject, so the machinery never knows a domain. Each domain registers what its subjects
 * mean (which holds repair may delete, the page a notice opens, when a reminder is withdrawn).
 */
// volunteer_application: a volunteer's application (its decisions are told to the applicant).
// volunteer_hours: one volunteer's hours record in one activity (its decisions are told to them).
// class_seat: an elder's enrolment in a smart-technology class (its seat in the class's pool).
export const SUBJECT_KINDS = ['booking', 'activity', 'volunteer_application', 'volunteer_hours', 'class_seat'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export type Subject = { kind: SubjectKind; id: string };

export const bookingSubject = (id: string): Subject => ({ kind: 'booking', id });

/**
 * A subject inside a derived key (a holder, a reminder id). Bookings keep the format their keys were
 * first stored with (the bare id), so keys written before subjects existed still match.
 */
export function subjectRef(subject: Subject): string {
  return subject.kind === 'booking' ? subject.id : `${subject.kind}:${subject.id}`;
}
