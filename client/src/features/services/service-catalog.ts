import type { ServiceKind } from '../../../../shared/domain/service-kinds';
import { routes, urlOf } from '../../navigation/routes';

/**
 * The three services residents book. Advisor and counseling start by choosing who to see; an escort
 * request has no provider to choose and starts at its form.
 */
export type ServiceEntry = {
  key: ServiceKind;
  title: string;
  summary: string;
  bookingRoute: string | null;
};

export const serviceCatalog: readonly ServiceEntry[] = [
  { key: 'advisor', title: '养老顾问', summary: '养老政策、上门服务、适老化改造，找社区顾问问一问', bookingRoute: urlOf(routes.bookingChoose, { service: 'advisor' }) },
  { key: 'escort', title: '陪诊服务', summary: '看病有人陪：接送、挂号、取药，困难老人免费', bookingRoute: urlOf(routes.bookingForm, { service: 'escort' }) },
  { key: 'counseling', title: '婚姻辅导', summary: '婚前指导、婚姻调适、冷静期辅导，严格保密', bookingRoute: urlOf(routes.bookingChoose, { service: 'counseling' }) },
];
