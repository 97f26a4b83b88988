/**
 * For the workbench page tests: the two kinds of staff member, and typing, tapping and reading field messages
 * the way the page tests do it (Taro's inputs take `input` events carrying `detail.value`).
 */
import { act, fireEvent, screen } from '@testing-library/react'
import type { StaffMember } from '@contract'
import { ApiError } from '@/api'
import type { FakeApi } from './fake-api'

export const stationStaff: StaffMember = { id: 4, username: 'kunshan', displayName: '昆山劳务工作站', role: 'station', stationId: 2, stationName: '昆山劳务工作站', mustChangePassword: false, township: null, villageId: null, village: null }
export const adminStaff: StaffMember = { id: 1, username: 'admin', displayName: '县劳务输转服务中心', role: 'admin', stationId: null, stationName: null, mustChangePassword: false, township: null, villageId: null, village: null }

/** Types into the Taro Input/Textarea carrying `selector` (its class). */
export function type(container: HTMLElement, selector: string, value: string): void {
  const el = container.querySelector(selector)
  if (!el) throw new Error(`no ${selector}`)
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}

/** Taps the last element with exactly this text (a page title and a button may share it). */
export async function tap(text: string): Promise<void> {
  const all = screen.getAllByText(text)
  await act(async () => {
    fireEvent.click(all[all.length - 1])
  })
}

/** Lets the page's requests answer, React settle and Taro's inputs finish loading. */
export const settle = () => act(async () => new Promise((r) => setTimeout(r, 50)))

/** Until the client's own retries of a read (0.6 s and 1.8 s) have run out, with React drawing between. */
export async function outOfRetries(): Promise<void> {
  for (let i = 0; i < 30; i++) await act(async () => new Promise((r) => setTimeout(r, 200)))
}

/**
 * No signal from now on for the page's reads: the staff session's own /staff/me and each of `paths` fail as a lost
 * network does, so the page must fall back on what it saved (the client retries first: wait with outOfRetries).
 */
export function offline(api: FakeApi, ...paths: string[]): void {
  for (const path of ['/staff/me', ...paths])
    api.on('GET', path, () => {
      throw new ApiError('NETWORK')
    })
}

/** The message shown by the field labelled `label`, or undefined. */
export const fieldError = (label: string) => screen.getByText(label).closest('.form-field')?.querySelector('.form-field__error')?.textContent ?? undefined

/** What a signed-out visitor (or a worker) sees on any workbench page. */
export const staffSignInPrompt = '这是工作人员的页面，请先登录工作人员账号。'

/** Waits until the form's Taro inputs have drawn their own <input>/<textarea> (typing sooner logs a Taro error). */
export async function inputsReady(container: HTMLElement): Promise<void> {
  for (let i = 0; i < 80; i++) {
    const cores = [...container.querySelectorAll('taro-input-core, taro-textarea-core')]
    if (cores.length > 0 && cores.every((c) => c.querySelector('input, textarea'))) return
    await act(async () => new Promise((r) => setTimeout(r, 25)))
  }
  throw new Error('the form never finished drawing')
}

/** Taps the filter chip with exactly this text (a list row may say the same word). */
export async function tapChip(text: string): Promise<void> {
  const chip = [...document.querySelectorAll<HTMLElement>('.chip')].find((c) => c.textContent === text)
  if (!chip) throw new Error(`no chip ${text}`)
  await act(async () => {
    fireEvent.click(chip)
  })
}
