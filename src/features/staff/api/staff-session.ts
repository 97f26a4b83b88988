/** A staff member's own sign-in and password. */
import { request } from '@/api'
import { staffChangePassword, staffLogin } from '@contract/staff'
import type { BodyOf } from './request-parts'

export const staffSignIn = (username: string, password: string) => request(staffLogin, { body: { username, password } })
export const changePassword = (body: BodyOf<typeof staffChangePassword>) => request(staffChangePassword, { body })
