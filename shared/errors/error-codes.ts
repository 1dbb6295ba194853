/**
 * The one table of error codes. Codes are stable English strings that clients and tests match on;
 * messages are what a resident reads, so they are plain Chinese sentences.
 */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  SLOT_FULL: 'SLOT_FULL',
  OVERLAPPING_BOOKING: 'OVERLAPPING_BOOKING',
  CUTOFF_PASSED: 'CUTOFF_PASSED',
  NOT_STARTED: 'NOT_STARTED',
  CAPACITY_REACHED: 'CAPACITY_REACHED',
  ESCORT_BUSY: 'ESCORT_BUSY',
  RATE_LIMITED: 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  MALFORMED_JSON: 'MALFORMED_JSON',
  WECHAT_UNAVAILABLE: 'WECHAT_UNAVAILABLE',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
  // volunteer — registration
  APPLICATION_OPEN: 'APPLICATION_OPEN',
  ALREADY_DECIDED: 'ALREADY_DECIDED',
  NOT_A_VOLUNTEER: 'NOT_A_VOLUNTEER',
  // volunteer — activities
  ALREADY_SIGNED_UP: 'ALREADY_SIGNED_UP',
  OVERLAPPING_ACTIVITY: 'OVERLAPPING_ACTIVITY',
  SIGNUP_CLOSED: 'SIGNUP_CLOSED',
  SKILLS_MISMATCH: 'SKILLS_MISMATCH',
  WITHDRAWAL_CLOSED: 'WITHDRAWAL_CLOSED',
  NO_OPEN_OFFER: 'NO_OPEN_OFFER',
  OFFER_EXPIRED: 'OFFER_EXPIRED',
  ACTIVITY_CANCELLED: 'ACTIVITY_CANCELLED',
  ACTIVITY_HAS_SIGNUPS: 'ACTIVITY_HAS_SIGNUPS',
  // volunteer — training
  NOT_A_CLASS: 'NOT_A_CLASS',
  CLASS_FULL: 'CLASS_FULL',
  ENROLMENT_CLOSED: 'ENROLMENT_CLOSED',
  ROLL_CLOSED: 'ROLL_CLOSED',
  ENROLMENT_LIMIT: 'ENROLMENT_LIMIT',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const errorMessages: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '填写的内容有误，请检查后再提交。',
  UNAUTHENTICATED: '请先登录。登录已过期时，请重新登录。',
  FORBIDDEN: '您没有权限做这件事。',
  NOT_FOUND: '没有找到这条记录。',
  CONFLICT: '这条记录刚被别人改过，请刷新后再试。',
  SLOT_FULL: '这个时间段已经约满了，请换一个时间。',
  OVERLAPPING_BOOKING: '您在这个时间已经有一个预约了。',
  CUTOFF_PASSED: '已经过了可以取消或改期的时间，请直接联系服务人员。',
  NOT_STARTED: '服务时间还没到，不能登记完成或爽约。',
  CAPACITY_REACHED: '今天的名额已经满了，请改约其他日期。',
  ESCORT_BUSY: '这位陪诊员在这个时间已有别的陪诊任务。',
  RATE_LIMITED: '操作太频繁了，请稍后再试。',
  PAYLOAD_TOO_LARGE: '提交的内容太多了，请精简后再试。',
  MALFORMED_JSON: '提交的内容格式不对，请重试。',
  WECHAT_UNAVAILABLE: '微信服务暂时连不上，请稍后再试。',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请过一会儿再试。',
  INTERNAL: '系统出了点问题，请稍后再试。',
  // volunteer — registration
  APPLICATION_OPEN: '您已经有一份志愿者申请在审核中或已通过，不能重复申请。',
  ALREADY_DECIDED: '这份申请已经有人处理过了，请刷新查看结果。',
  NOT_A_VOLUNTEER: '您现在不是志愿者，无需退出。',
  // volunteer — activities
  ALREADY_SIGNED_UP: '您已经报名了这个活动。',
  OVERLAPPING_ACTIVITY: '您在这个时间已经报名了别的活动。',
  SIGNUP_CLOSED: '现在不在报名时间内。',
  SKILLS_MISMATCH: '这个岗位需要的特长和您登记的不一样，请选择其他岗位。',
  WITHDRAWAL_CLOSED: '已经过了可以退出的时间，请直接打电话给组织者。',
  NO_OPEN_OFFER: '现在没有等您确认的名额。',
  OFFER_EXPIRED: '确认时间已过，名额已让给下一位。',
  ACTIVITY_CANCELLED: '这个活动已经取消了。',
  ACTIVITY_HAS_SIGNUPS: '已有志愿者报名，不能改时间。请取消后重新发布。',
  // volunteer — training
  NOT_A_CLASS: '这个活动不是培训课，没有老人的座位。',
  CLASS_FULL: '这节课的座位已经报满了，请选别的时间。',
  ENROLMENT_CLOSED: '这节课现在不能报名了。',
  ROLL_CLOSED: '现在不能点名：课前半小时到课后两天内可以点名。',
  ENROLMENT_LIMIT: '一个账号每节课最多给 3 位老人报名。',
};

/** HTTP status the local host answers with for each code. */
export const errorHttpStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SLOT_FULL: 409,
  OVERLAPPING_BOOKING: 409,
  CUTOFF_PASSED: 409,
  NOT_STARTED: 409,
  CAPACITY_REACHED: 409,
  ESCORT_BUSY: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 400,
  MALFORMED_JSON: 400,
  WECHAT_UNAVAILABLE: 502,
  // The database is briefly unreachable: nothing was decided, the same request may be sent again.
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
  // volunteer — registration
  APPLICATION_OPEN: 409,
  ALREADY_DECIDED: 409,
  NOT_A_VOLUNTEER: 409,
  // volunteer — activities
  ALREADY_SIGNED_UP: 409,
  OVERLAPPING_ACTIVITY: 409,
  SIGNUP_CLOSED: 409,
  SKILLS_MISMATCH: 409,
  WITHDRAWAL_CLOSED: 409,
  NO_OPEN_OFFER: 409,
  OFFER_EXPIRED: 409,
  ACTIVITY_CANCELLED: 409,
  ACTIVITY_HAS_SIGNUPS: 409,
  // volunteer — training
  NOT_A_CLASS: 409,
  CLASS_FULL: 409,
  ENROLMENT_CLOSED: 409,
  ROLL_CLOSED: 409,
  ENROLMENT_LIMIT: 409,
};
