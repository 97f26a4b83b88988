import type { Course, JobPosting, JobSummary, RightsRequest, Station } from '@contract'

/** A posting as GET /api/jobs returns it; override what the test is about. */
export function jobSummary(over: Partial<JobSummary> = {}): JobSummary {
  return {
    id: 1,
    title: '电焊工',
    employerName: '天津北辰某机械有限公司',
    employerVerified: true,
    province: '天津',
    city: '天津',
    district: '北辰区',
    wageMinYuan: 5500,
    wageMaxYuan: 7000,
    wageUnit: 'month',
    benefits: ['包吃', '包住'],
    status: 'open',
    postedAt: '2026-11-20T08:00:00.000Z',
    sourceStation: { name: '天津北辰流动党员党支部' },
    contactPhone: '022-26391234',
    isSample: false,
    paySchedule: null,
    payDay: null,
    hoursPerDay: 8,
    daysOff: null,
    meals: null,
    housing: null,
    ageMin: 18,
    ageMax: 55,
    socialInsurance: null,
    overtimePay: null,
    probationMonths: null,
    stillNeeded: 10,
    employer: { trust: '已核验 · 县里合作 2 年 · 0 起欠薪投诉' },
    ...over,
  }
}

/** A posting with what the card leaves out, as the detail page and the workbench read it. */
export function jobPosting(over: Partial<JobPosting> = {}): JobPosting {
  const summary = jobSummary()
  return {
    ...summary,
    trade: '电焊工',
    headcount: 10,
    expiresAt: '2026-12-31',
    sourceStation: { id: 3, name: summary.sourceStation.name, type: 'party_branch' },
    employer: { id: 7, name: summary.employerName, verified: true, suspended: false, trust: summary.employer.trust },
    ...over,
  }
}

export function station(over: Partial<Station> = {}): Station {
  return {
    id: 1,
    type: 'service_centre',
    name: '武山县劳务输转服务中心',
    province: '甘肃',
    city: '天水',
    district: '武山县',
    address: '城关镇',
    lat: 34.72,
    lng: 104.89,
    phone: '0938-3000000',
    contactPerson: '',
    openingHours: '工作日 8:30-17:30',
    services: ['就业信息', '政策咨询'],
    memberCount: null,
    isSample: true,
    ...over,
  }
}

export function course(over: Partial<Course> = {}): Course {
  return {
    id: 1,
    title: '电焊工定向培训班',
    trade: '电焊工',
    mode: 'order',
    provider: '武山县职业技术学校',
    location: '武山县城关镇',
    startDate: '2026-12-01',
    endDate: '2026-12-20',
    enrollDeadline: '2026-11-28',
    sessions: 20,
    capacity: 40,
    seatsLeft: 12,
    costYuan: 1800,
    subsidyYuan: 1800,
    certificate: '焊工职业资格证书',
    certificateLevel: '五级',
    requirements: '',
    description: '',
    brand: null,
    partnerEmployer: '天津某重工',
    destinationCity: '天津',
    expectedWageYuan: 6000,
    agreementText: null,
    isSample: false,
    ...over,
  }
}

/** A rights case as the worker sees it just after asking for a call back; override what the test is about. */
export function callbackCase(over: Partial<RightsRequest> = {}): RightsRequest {
  return {
    trackingNo: '2026-000123',
    category: 'injury',
    status: 'submitted',
    overdue: false,
    callbackOnly: true,
    description: '',
    employerName: '',
    workCity: '',
    workProvince: null,
    workAddress: '',
    workedFrom: '',
    workedTo: null,
    amountOwedYuan: null,
    workersAffected: 1,
    contactName: null,
    contactPhone: '139****1001',
    contactTime: 'any',
    attachments: [],
    applicationId: null,
    station: { id: 1, name: '武山县劳务输转服务中心', phone: '0938-342 5617' },
    firstResponsible: null,
    referredTo: null,
    rating: null,
    ratingComment: null,
    submittedAt: '2026-03-10T02:00:00.000Z',
    acceptedAt: null,
    concludedAt: null,
    autoCloseAt: null,
    closedAt: null,
    timeline: [],
    ...over,
  }
}
