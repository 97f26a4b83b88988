/** Valid write bodies that several server test files send: a posting, a worker's rights case, a bus out, a course. */

export const jobPostingBody = {
  title: '鞋厂流水线工',
  employerName: '昆山鑫达鞋业',
  employerPhone: '051257001234',
  trade: '普工',
  province: '江苏省',
  city: '昆山市',
  address: '昆山市玉山镇',
  wageMinYuan: 5200,
  wageMaxYuan: 6800,
  wageUnit: 'month',
  headcount: 20,
  description: '长白班，计件加底薪',
  expiresAt: '2026-06-30',
}

export const rightsCaseBody = {
  category: 'unpaid_wages',
  description: '老板拖欠我们三个月的工资，一直说下个月给，到现在也没给。',
  employerName: '无锡某建筑劳务公司',
  workCity: '无锡市',
  workAddress: '无锡市新吴区长江路工地',
  workedFrom: '2025-10',
  workedTo: '2026-01',
  amountOwedYuan: 18000,
  workersAffected: 3,
}

const DAY = 24 * 60 * 60 * 1000

/** A bus of five seats from 城关镇 to 昆山, leaving three days after `now`; override what the test is about. */
export const transportBatchBody = (now: Date, over: Record<string, unknown> = {}) => ({
  departAt: new Date(now.getTime() + 3 * DAY).toISOString(),
  departureTownship: '城关镇',
  meetingPoint: '县劳务输转服务中心门前',
  destinationProvince: '江苏省',
  destinationCity: '昆山市',
  vehicleKind: 'bus',
  seats: 5,
  ...over,
})

/** A menu course with `capacity` seats, as the admin opens it: starts in 10 days (China dates), enrolment closes in 5. */
export function courseBody(now: Date, capacity: number, over: object = {}) {
  const day = (n: number) => new Date(now.getTime() + 8 * 3600 * 1000 + n * DAY).toISOString().slice(0, 10)
  return {
    title: '测试电工班',
    trade: '电工',
    mode: 'menu',
    provider: '武山县职业技术教育中心',
    location: '武山县城关镇',
    capacity,
    startDate: day(10),
    endDate: day(20),
    enrollDeadline: day(5),
    costYuan: 1000,
    subsidyYuan: 800,
    certificate: '低压电工作业证',
    ...over,
  }
}
