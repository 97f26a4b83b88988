/**
 * What the reminders, a moved batch and the staff alerts say, and to whom. `notify` calls this for these events and
 * writes the messages; read in the event's own transaction, so the text is what was committed with it.
 */
import type { Kysely } from 'kysely'
import { chinaDate, chinaMonthDayTime, chinaMonthDayWeekdayTime, formatDay, rightsCategoryLabel, vehicleKindLabel, livePlatformLabel, type LivePlatform, type NoticeKind, type RightsCategory, type VehicleKind } from '../../types'
import type { DB } from '../db/schema'
import { findBatchRiders, findCaseForNotice, findEnrollmentForNotice, listStationStaffIds } from './notifications.repository'
import { findReminderForNotice } from '../hiring-events/hiring-events.repository'
import {
  findApplicationForAlert,
  findBatchForAlert,
  findPersonForAlert,
  findSignupForReminder,
  listAdminIds,
  listTownshipOfficerIds,
  worklogReminderStillDue,
} from './scheduler.repository'

export type AlertEvent =
  /** Staff moved a batch's departure or meeting: `before` is what the riders were told until now. */
  | { kind: 'transport_changed'; batchId: number; before: { departAt: string; meetAt: string; meetingPoint: string } }
  | { kind: 'transport_reminder'; signupId: number }
  | { kind: 'course_reminder'; enrollmentId: number }
  | { kind: 'hiring_event_reminder'; reminderId: number }
  | { kind: 'roster_check'; userId: number }
  | { kind: 'worklog_reminder'; userId: number }
  | { kind: 'staff_case_overdue'; requestId: number }
  | { kind: 'staff_batch_underfilled'; batchId: number }
  | { kind: 'staff_batch_filling'; batchId: number }
  | { kind: 'staff_risk_new'; personId: number; reason: 'no_work' | 'wages_unpaid' | 'injured'; days: number }
  | { kind: 'staff_self_registered'; personId: number }
  | { kind: 'staff_new_applicant'; applicationId: number }
  | { kind: 'staff_township_case'; requestId: number }

export interface AlertNotice {
  kind: NoticeKind
  title: string
  body: string
  link: string | null
}

export interface AlertRecipients {
  notice: AlertNotice
  userIds: number[]
  staffIds: number[]
}

const vehicle = (kind: string) => vehicleKindLabel[kind as VehicleKind] ?? '车'
const myRides = '/packages/transport/pages/mine/index'
/** 明天 before the day, 今天 on it: a reminder sent late (the server was down at 18:00) still reads right. */
const dayWord = (day: string, now: Date) => (chinaDate(now) < day ? '明天' : '今天')

export async function alertRecipients(trx: Kysely<DB>, now: Date, event: AlertEvent): Promise<AlertRecipients | null> {
  switch (event.kind) {
    case 'transport_changed': {
      const found = await findBatchRiders(trx, event.batchId)
      if (!found || !found.userIds.length) return null
      const { batch } = found
      const changes: string[] = []
      if (batch.depart_at !== event.before.departAt) changes.push(`发车时间改到 ${chinaMonthDayWeekdayTime(batch.depart_at)}`)
      const meetAt = (await findBatchForAlert(trx, event.batchId))?.meet_at ?? event.before.meetAt
      if (meetAt !== event.before.meetAt) changes.push(`集合时间改到 ${chinaMonthDayTime(meetAt)}`)
      if (batch.meeting_point !== event.before.meetingPoint) changes.push(`集合地点改到 ${batch.meeting_point}`)
      if (!changes.length) return null
      const title = batch.depart_at !== event.before.departAt ? '发车时间改了' : '集合时间或地点改了'
      const was = `${chinaMonthDayWeekdayTime(event.before.departAt)} 去${batch.destination_city}的${vehicle(batch.vehicle_kind)}`
      return { notice: { kind: 'transport_changed', title, body: `${title}：您报名的${was}，${changes.join('，')}。`, link: myRides }, userIds: found.userIds, staffIds: [] }
    }
    case 'transport_reminder': {
      const seat = await findSignupForReminder(trx, event.signupId)
      if (!seat || seat.user_id === null || seat.status !== 'active' || seat.batch_status !== 'open') return null
      const when = dayWord(chinaDate(seat.depart_at), now)
      return {
        notice: {
          kind: 'transport_reminder',
          title: `${when}坐${vehicle(seat.vehicle_kind)}`,
          body: `您报名的${chinaMonthDayWeekdayTime(seat.depart_at)} 去${seat.destination_city}的${vehicle(seat.vehicle_kind)}${when}发车。请 ${chinaMonthDayTime(seat.meet_at)} 到${seat.meeting_point}集合，带好：${seat.what_to_bring}。不去了请在“我报名的车”里取消，把座位让给别人。`,
          link: myRides,
        },
        userIds: [seat.user_id],
        staffIds: [],
      }
    }
    case 'course_reminder': {
      const seat = await findEnrollmentForNotice(trx, event.enrollmentId)
      if (!seat) return null
      const when = dayWord(seat.start_date, now)
      return {
        notice: {
          kind: 'course_reminder',
          title: `${when}开课`,
          body: `您报名的「${seat.title}」${when}（${formatDay(seat.start_date, now)}）开课，地点：${seat.location}。请带上身份证，按时到。`,
          link: '/packages/training/pages/mine/index',
        },
        userIds: [seat.user_id],
        staffIds: [],
      }
    }
    case 'hiring_event_reminder': {
      const r = await findReminderForNotice(trx, event.reminderId)
      if (!r || r.ends_at < now.toISOString()) return null
      return {
        notice: {
          kind: 'hiring_event_reminder',
          title: '直播带岗快开始了',
          body: `您设了提醒的「${r.title}」${chinaMonthDayTime(r.starts_at)} 在${livePlatformLabel[r.platform as LivePlatform] ?? '网上'}开播。点开能看直播，直播里的岗位开播后就能报名。`,
          link: '/packages/jobs/pages/live/index',
        },
        userIds: [r.user_id],
        staffIds: [],
      }
    }
    case 'roster_check':
      return {
        notice: {
          kind: 'roster_check',
          title: '你的务工情况有变化吗',
          body: '你的务工情况有变化吗？还在原来的地方干活，还是换了地方、回家了？点开按一下就好，县里好及时帮你找活、办事。',
          link: '/packages/me/pages/work-check/index',
        },
        userIds: [event.userId],
        staffIds: [],
      }
    case 'worklog_reminder':
      // Logged in the minutes since the sweep looked, or just turned off: nothing to say.
      if (!(await worklogReminderStillDue(trx, event.userId, chinaDate(now)))) return null
      return {
        notice: {
          kind: 'worklog_reminder',
          title: '今天记工了吗',
          body: '今天干活了吗？点开记一下，一下就好。天天记下来，工钱没结的时候就是证据。不想收到这个提醒，可以在记工页面关掉。',
          link: '/packages/worklog/pages/index/index',
        },
        userIds: [event.userId],
        staffIds: [],
      }
    case 'staff_case_overdue': {
      const row = await findCaseForNotice(trx, event.requestId)
      if (!row || row.status !== 'submitted') return null
      const station = row.station_id !== null ? await listStationStaffIds(trx, row.station_id) : []
      const admins = await listAdminIds(trx)
      return {
        notice: {
          kind: 'staff_case_overdue',
          title: '求助快要超时',
          body: `求助 ${row.tracking_no} 已经 20 小时没有受理，再过 4 小时就超时了，请尽快联系求助人。`,
          link: `/packages/staff/pages/case/index?no=${encodeURIComponent(row.tracking_no)}`,
        },
        userIds: [],
        staffIds: [...new Set([...station, ...admins])],
      }
    }
    case 'staff_batch_underfilled': {
      const b = await findBatchForAlert(trx, event.batchId)
      if (!b) return null
      const by = b.station_name ? `（${b.station_name}）` : ''
      return {
        notice: {
          kind: 'staff_batch_underfilled',
          title: '专车报名不到一半',
          body: `${chinaMonthDayWeekdayTime(b.depart_at)} 去${b.destination_city}的${vehicle(b.vehicle_kind)}${by}快发车了，只报了 ${b.seats_taken} / ${b.seats} 座。请抓紧组织报名，或考虑合并、改期。`,
          link: `/packages/staff/pages/batch/index?id=${b.id}`,
        },
        userIds: [],
        staffIds: await listAdminIds(trx),
      }
    }
    case 'staff_batch_filling': {
      const b = await findBatchForAlert(trx, event.batchId)
      if (!b) return null
      const left = b.seats - b.seats_taken
      return {
        notice: {
          kind: 'staff_batch_filling',
          title: '专车快满了',
          body: `${chinaMonthDayWeekdayTime(b.depart_at)} 去${b.destination_city}的${vehicle(b.vehicle_kind)}已报 ${b.seats_taken} / ${b.seats} 座，${left > 0 ? `只剩 ${left} 座` : '已经满了'}。还有人想走的话，考虑加一辆车。`,
          link: `/packages/staff/pages/batch/index?id=${b.id}`,
        },
        userIds: [],
        staffIds: [...new Set([...(b.station_id !== null ? await listStationStaffIds(trx, b.station_id) : []), ...(await listAdminIds(trx))])],
      }
    }
    case 'staff_risk_new': {
      const p = await findPersonForAlert(trx, { personId: event.personId })
      if (!p) return null
      const why = event.reason === 'no_work' ? `没有活干已经 ${event.days} 天` : event.reason === 'wages_unpaid' ? '回访说工资被拖欠' : '回访说受了伤'
      return {
        notice: {
          kind: 'staff_risk_new',
          title: '新进风险名单',
          body: `${p.village_name ?? ''}${p.name}${why}，进了防返贫风险名单，请尽快联系、帮扶。`,
          link: `/packages/roster/pages/person/index?id=${p.id}`,
        },
        userIds: [],
        staffIds: await listTownshipOfficerIds(trx, p.township),
      }
    }
    case 'staff_self_registered': {
      const p = await findPersonForAlert(trx, { personId: event.personId })
      if (!p) return null
      return {
        notice: {
          kind: 'staff_self_registered',
          title: '有人登记待确认',
          body: `${p.village_name ?? ''}的${p.name}在手机上登记了，台账里没有对上的人。请核对后确认，或合并到已有的记录。`,
          link: '/packages/roster/pages/unconfirmed/index',
        },
        userIds: [],
        staffIds: await listTownshipOfficerIds(trx, p.township),
      }
    }
    case 'staff_new_applicant': {
      const a = await findApplicationForAlert(trx, event.applicationId)
      if (!a || a.status !== 'submitted') return null
      return {
        notice: { kind: 'staff_new_applicant', title: '有人报名了岗位', body: `有人报名了「${a.title}」，请尽快打电话联系。`, link: `/packages/staff/pages/job/index?id=${a.job_id}` },
        userIds: [],
        staffIds: await listStationStaffIds(trx, a.source_station_id),
      }
    }
    case 'staff_township_case': {
      // The worker's own township follows up at home; they do not handle the case, so the alert opens the person.
      const row = await findCaseForNotice(trx, event.requestId)
      const p = row?.user_id != null ? await findPersonForAlert(trx, { userId: row.user_id }) : undefined
      if (!row || !p) return null
      const what = rightsCategoryLabel[row.category as RightsCategory] ?? '求助'
      return {
        notice: {
          kind: 'staff_township_case',
          title: '本乡镇有人求助',
          body: `${p.village_name ?? ''}的${p.name}在外务工求助（${what}），工作站正在处理。可以打个电话问问家里。`,
          link: `/packages/roster/pages/person/index?id=${p.id}`,
        },
        userIds: [],
        staffIds: await listTownshipOfficerIds(trx, p.township),
      }
    }
  }
}
