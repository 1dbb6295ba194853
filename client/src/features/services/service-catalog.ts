/**
 * The three services residents book. `bookingRoute` is filled in when the booking pages exist; until
 * then the home page says the service opens soon.
 */
export type ServiceKey = 'advisor' | 'escort' | 'counseling';

export type ServiceEntry = {
  key: ServiceKey;
  title: string;
  summary: string;
  bookingRoute: string | null;
};

export const serviceCatalog: readonly ServiceEntry[] = [
  { key: 'advisor', title: '养老顾问', summary: '养老政策、上门服务、适老化改造，找社区顾问问一问', bookingRoute: null },
  { key: 'escort', title: '陪诊服务', summary: '看病有人陪：接送、挂号、取药，困难老人免费', bookingRoute: null },
  { key: 'counseling', title: '婚姻辅导', summary: '婚前指导、婚姻调适、冷静期辅导，严格保密', bookingRoute: null },
];
