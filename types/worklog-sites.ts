/**
 * 记工 with co-workers (工友) and the evening reminder. A worker shares a site with a code (or a link carrying it);
 * a co-worker who joins gets the same employer, site and agreed pay as their own employer, and logs their own days
 * against it. Only the site is shared: what each worker logs and is paid stays theirs alone.
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { recordIdText } from './common'
import { worklogEmployer } from './worklog'

/** 8 letters and digits without look-alikes (no 0/O, 1/I/L): read out on site or typed from a photo of a screen. */
export const siteCodeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const siteCodeLength = 8

export const siteCode = z
  .string('请填写工地码')
  .check(
    z.trim(),
    z.toUpperCase(),
    z.regex(new RegExp(`^[${siteCodeAlphabet}]{${siteCodeLength}}$`), `工地码是${siteCodeLength}位字母和数字，请核对`),
  )

/** What a code shows before joining: the employer, the site and the agreed pay, never who shared it or who joined. */
export const worklogSiteView = z.object({
  code: z.string(),
  ...z.pick(worklogEmployer, { name: true, site: true, dayRateFen: true, hourRateFen: true, unitRateFen: true, unitLabel: true, overtimeRateFen: true }).shape,
  /** My employer already on this site, if I joined or shared it. */
  myEmployerId: z.nullable(z.number()),
})
export type WorklogSiteView = z.infer<typeof worklogSiteView>

export const shareWorklogSite = endpoint({
  method: 'POST',
  path: '/me/worklog/employers/:id/site',
  access: 'worker',
  summary: 'Share one of my employers as a site: its code (the same code again if already shared) and the page co-workers open',
  params: z.object({ id: recordIdText }),
  response: z.object({
    code: z.string(),
    /** The app page a co-worker opens: /packages/worklog/pages/join/index?code=… */
    path: z.string(),
    /** Co-workers who joined with the code (me not counted). */
    coworkers: z.number(),
  }),
})

export const getWorklogSite = endpoint({
  method: 'GET',
  path: '/me/worklog/sites/:code',
  access: 'worker',
  summary: 'A shared site by its code: employer, site and agreed pay (nothing of anyone’s log)',
  params: z.object({ code: siteCode }),
  response: worklogSiteView,
})

export const joinWorklogSite = endpoint({
  method: 'POST',
  path: '/me/worklog/sites/:code/join',
  access: 'worker',
  idempotent: true,
  summary: 'Join a shared site: it becomes one of my employers (the one I already have for it, if I joined before)',
  params: z.object({ code: siteCode }),
  response: worklogEmployer,
})

export const worklogSettings = z.object({
  /** An evening reminder (20:00 China time, in 消息) on a day I have not logged, when I logged in the days before. */
  eveningReminder: z.boolean('请选择要不要提醒'),
})
export type WorklogSettings = z.infer<typeof worklogSettings>

export const getWorklogSettings = endpoint({
  method: 'GET',
  path: '/me/worklog/settings',
  access: 'worker',
  summary: 'My 记工 choices: the evening reminder on or off',
  response: worklogSettings,
})

export const updateWorklogSettings = endpoint({
  method: 'PUT',
  path: '/me/worklog/settings',
  access: 'worker',
  summary: 'Turn the evening reminder on or off',
  body: worklogSettings,
  response: worklogSettings,
})
