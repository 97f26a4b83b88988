import type { JobSummary } from '@contract'
import {
  daysOffLabel,
  housingLabel,
  mealsLabel,
  overtimePayLabel,
  payScheduleLabel,
  payTypeLabel,
  socialInsuranceLabel,
  unknownLabel,
} from '@contract/jobs'

type Facts = Pick<
  JobSummary,
  | 'wageUnit'
  | 'paySchedule'
  | 'payDay'
  | 'hoursPerDay'
  | 'daysOff'
  | 'meals'
  | 'housing'
  | 'ageMin'
  | 'ageMax'
  | 'socialInsurance'
  | 'overtimePay'
  | 'probationMonths'
  | 'stillNeeded'
  | 'status'
>

/** One of a worker's questions and the posting's answer; `answer` null is 未说明. */
export interface JobFact {
  key: string
  /** 怎么发钱, 吃饭, 住宿… as the detail page asks it */
  question: string
  /** The short label a card shows (月薪·每月15号发) */
  answer: string | null
}

function pay(job: Facts): string {
  const type = payTypeLabel[job.wageUnit]
  if (job.paySchedule === null) return type
  if (job.paySchedule === 'monthly' && job.payDay !== null) return `${type}·每月${job.payDay}号发`
  // 日结·当天结 says the same thing twice.
  if (job.wageUnit === 'day' && job.paySchedule === 'same_day') return '日结·当天结'
  return `${type}·${payScheduleLabel[job.paySchedule]}`
}

/** Every question a worker asks, in the order they ask it: the card and the detail page both read this. */
export function jobFacts(job: Facts): JobFact[] {
  return [
    { key: 'pay', question: '怎么发钱', answer: pay(job) },
    { key: 'hours', question: '每天干多久', answer: `每天${job.hoursPerDay}小时` },
    { key: 'daysOff', question: '怎么休息', answer: job.daysOff ? daysOffLabel[job.daysOff] : null },
    { key: 'meals', question: '吃饭', answer: job.meals ? mealsLabel[job.meals] : null },
    { key: 'housing', question: '住宿', answer: job.housing ? housingLabel[job.housing] : null },
    { key: 'age', question: '年龄', answer: `${job.ageMin}-${job.ageMax}岁` },
    { key: 'insurance', question: '社保', answer: job.socialInsurance ? socialInsuranceLabel[job.socialInsurance] : null },
    { key: 'overtime', question: '加班', answer: job.overtimePay ? overtimePayLabel[job.overtimePay] : null },
    {
      key: 'probation',
      question: '试用期',
      answer: job.probationMonths === null ? null : job.probationMonths === 0 ? '无试用期' : `试用期${job.probationMonths}个月`,
    },
    { key: 'needed', question: '还招几人', answer: job.status === 'filled' || job.stillNeeded === 0 ? '已招满' : `还缺${job.stillNeeded}人` },
  ]
}

export const unknownAnswer = unknownLabel
