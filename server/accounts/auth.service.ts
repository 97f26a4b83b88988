/**
 * Worker sign-in: SMS codes (hashed, rate-limited in the database), phone login that creates
 * the account on first use and can link a pending WeChat identity, WeChat login, sign-out.
 */
import { randomInt, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { maskPhone, type Me } from '../../types'
import { lockKey } from '../db/dialect'
import type { DB } from '../db/schema'
import { rateLimited, validationFailed } from '../http/app-error'
import { chinaDate } from '../lib/dates'
import { newToken, sha256 } from './crypto'
import { getMe } from './me.service'
import { linkWorker } from '../roster/roster-links.service'
import { createSession, deleteSession } from './sessions.repository'
import {
  codesFromIpSince,
  countCodesOnDay,
  deleteCode,
  insertCode,
  latestCode,
  markCodeUsed,
  outboxFor,
  pruneCodes,
  recordWrongAttempt,
} from './sms-codes.repository'
import { findOrCreateUserByPhone, findUserByWechat, linkWechat } from './users.repository'
import { code2session } from './wechat'
import { deleteWechatTicket, findLiveWechatTicket, insertWechatTicket } from './wechat-tickets.repository'

const CODE_TTL_SECONDS = 5 * 60
const RESEND_SECONDS = 60
const CODES_PER_DAY = 10
const MAX_CODE_ATTEMPTS = 5
const WECHAT_TICKET_SECONDS = 10 * 60
const HOUR_MS = 60 * 60 * 1000

const secondsUntil = (instantMs: number, now: Date) => Math.max(1, Math.ceil((instantMs - now.getTime()) / 1000))
/** The next China midnight (UTC+8). */
const nextChinaMidnight = (now: Date) => Date.parse(`${chinaDate(now)}T00:00:00+08:00`) + 24 * HOUR_MS

const phoneHashOf = (app: FastifyInstance, phone: string) => app.keys.hmac('phone', phone)
const codeHashOf = (app: FastifyInstance, phoneHash: string, code: string) => app.keys.hmac('sms-code', `${phoneHash}:${code}`)

export async function requestSmsCode(app: FastifyInstance, phone: string, ip: string) {
  const now = app.clock()
  const phoneHash = phoneHashOf(app, phone)
  const ipHash = app.keys.hmac('ip', ip)
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')

  const id = await app.db.transaction().execute(async (trx) => {
    // Concurrent requests for one phone (or from one IP) are counted one after the other.
    await lockKey(trx, `sms-phone:${phoneHash}`)
    await lockKey(trx, `sms-ip:${ipHash}`)
    const last = await latestCode(trx, phoneHash)
    if (last) {
      const resendAt = Date.parse(last.created_at) + RESEND_SECONDS * 1000
      if (resendAt > now.getTime()) throw rateLimited(secondsUntil(resendAt, now), '验证码已经发出，请稍等一会儿再重新获取')
    }
    const today = chinaDate(now)
    if ((await countCodesOnDay(trx, phoneHash, today)) >= CODES_PER_DAY) {
      throw rateLimited(secondsUntil(nextChinaMidnight(now), now), '今天获取验证码的次数已经用完，请明天再试')
    }
    const fromIp = await codesFromIpSince(trx, ipHash, new Date(now.getTime() - HOUR_MS))
    if (fromIp.count >= app.config.sms.ipLimitPerHour) {
      const freeAt = fromIp.oldest ? Date.parse(fromIp.oldest) + HOUR_MS : now.getTime() + HOUR_MS
      throw rateLimited(secondsUntil(freeAt, now), '这个网络获取验证码太频繁，请过一会儿再试')
    }
    return insertCode(trx, {
      phoneHash,
      ipHash,
      codeHash: codeHashOf(app, phoneHash, code),
      day: today,
      now,
      expiresAt: new Date(now.getTime() + CODE_TTL_SECONDS * 1000),
    })
  })

  try {
    await app.sms.send({ phone, phoneHash, code, at: now })
  } catch (error) {
    // A code that never arrived must not be usable, nor count against the worker.
    await deleteCode(app.db, id)
    throw error
  }
  await pruneCodes(app.db, now).catch((error) => app.log.warn({ err: error }, 'pruning sign-in codes failed'))
  return { sentTo: maskPhone(phone), resendAfterSeconds: RESEND_SECONDS, expiresInSeconds: CODE_TTL_SECONDS }
}

/**
 * Uses up the phone's latest code if `code` is it; else what to tell the person (a wrong try is counted, so the caller
 * commits and throws after). The caller holds the phone's lock (`sms-phone:<hash>`).
 */
async function spendSmsCode(app: FastifyInstance, trx: Kysely<DB>, phoneHash: string, code: string, now: Date): Promise<string | null> {
  const row = await latestCode(trx, phoneHash)
  if (!row || row.used_at) return '请先获取短信验证码'
  if (row.attempts >= MAX_CODE_ATTEMPTS) return '验证码输错次数太多，已经失效，请重新获取验证码'
  if (Date.parse(row.expires_at) <= now.getTime()) return '验证码已过期，请重新获取'
  const given = Buffer.from(codeHashOf(app, phoneHash, code))
  const stored = Buffer.from(row.code_hash)
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) {
    await recordWrongAttempt(trx, row.id)
    const left = MAX_CODE_ATTEMPTS - row.attempts - 1
    return left > 0 ? `验证码不对，还可以再试${left}次` : '验证码输错5次，已经失效，请重新获取验证码'
  }
  await markCodeUsed(trx, row.id, now)
  return null
}

/**
 * A phone proved by the same SMS code as sign-in, without signing anyone in (对工: the foreman has no account).
 * Inside the caller's transaction, which must commit before a refusal is thrown so wrong tries count.
 */
export async function proveSmsCode(app: FastifyInstance, trx: Kysely<DB>, phone: string, code: string, now: Date): Promise<string | null> {
  const phoneHash = phoneHashOf(app, phone)
  await lockKey(trx, `sms-phone:${phoneHash}`)
  return spendSmsCode(app, trx, phoneHash, code, now)
}

type CodeCheck = { ok: true; userId: number; token: string } | { ok: false; message: string }

export async function loginWithCode(
  app: FastifyInstance,
  body: { phone: string; code: string; wechatTicket?: string },
): Promise<{ token: string; user: Me }> {
  const now = app.clock()
  const phoneHash = phoneHashOf(app, body.phone)

  // One transaction, which commits a wrong attempt too: the error is thrown after it.
  const result = await app.db.transaction().execute(async (trx): Promise<CodeCheck> => {
    await lockKey(trx, `sms-phone:${phoneHash}`)
    let openidHash: string | null = null
    if (body.wechatTicket) {
      const ticket = await findLiveWechatTicket(trx, sha256(body.wechatTicket), now)
      // Thrown before the code is touched: the worker can retry without the ticket.
      if (!ticket) throw validationFailed({ wechatTicket: '微信登录已过期，请重新用微信登录' }, '微信登录已过期，请重新用微信登录')
      openidHash = ticket.openid_hash
    }

    const refused = await spendSmsCode(app, trx, phoneHash, body.code, now)
    if (refused) return { ok: false, message: refused }
    const user = await findOrCreateUserByPhone(trx, phoneHash, app.keys.encrypt(body.phone), now)
    // A worker on the county's roster is linked to their record on signing in (by ID number or phone).
    await linkWorker(trx, app.keys, user.id, now)
    if (openidHash) {
      await linkWechat(trx, user.id, openidHash, now)
      await deleteWechatTicket(trx, sha256(body.wechatTicket!))
    }
    const token = await createSession(trx, { kind: 'worker', userId: user.id }, now)
    return { ok: true, userId: user.id, token }
  })

  if (!result.ok) throw validationFailed({ code: result.message }, result.message)
  return { token: result.token, user: await getMe(app.db, app.keys, result.userId) }
}

export async function loginWithWechat(app: FastifyInstance, code: string) {
  const openid = await code2session(app.config.wechat, code)
  const openidHash = app.keys.hmac('wechat-openid', openid)
  const now = app.clock()
  const user = await findUserByWechat(app.db, openidHash)
  if (user) {
    await app.db.transaction().execute((trx) => linkWorker(trx, app.keys, user.id, now))
    const token = await createSession(app.db, { kind: 'worker', userId: user.id }, now)
    return { status: 'signed_in' as const, token, user: await getMe(app.db, app.keys, user.id) }
  }
  const ticket = newToken()
  await insertWechatTicket(app.db, {
    ticketHash: sha256(ticket),
    openidHash,
    now,
    expiresAt: new Date(now.getTime() + WECHAT_TICKET_SECONDS * 1000),
  })
  return { status: 'needs_phone' as const, wechatTicket: ticket }
}

export async function logout(app: FastifyInstance, sessionId: number) {
  await deleteSession(app.db, sessionId)
  return { signedOut: true as const }
}

export async function listDevSmsOutbox(app: FastifyInstance, phone: string) {
  const rows = await outboxFor(app.db, phoneHashOf(app, phone))
  return { items: rows.map((r) => ({ code: r.code, sentAt: r.sent_at })) }
}
