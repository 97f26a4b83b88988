/** Driving a rendered page as a person would: typing into Taro's inputs, tapping by text, waiting for answers. */
import { act, fireEvent, screen } from '@testing-library/react'

const unloaded = () => [...document.querySelectorAll('taro-input-core, taro-textarea-core')].some((el) => !el.querySelector('input, textarea'))

/**
 * Lets the page's requests answer and React settle, then waits for Taro's inputs to draw their own field: typing
 * into one sooner makes Taro log an error.
 */
export async function settle(): Promise<void> {
  await act(async () => new Promise((r) => setTimeout(r, 0)))
  for (let i = 0; i < 100 && unloaded(); i++) await act(async () => new Promise((r) => setTimeout(r, 10)))
}

/** Types into a Taro Input or Textarea, then lets Taro's own update of the field run (it fails once the page is gone). */
export async function typeInto(container: HTMLElement, selector: string, value: string): Promise<void> {
  const el = container.querySelector(selector)
  if (!el) throw new Error(`no ${selector}`)
  await act(async () => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
    await new Promise((r) => setTimeout(r, 10))
  })
}

/** Taps what shows `text`; the last one when several do (a dialog's button comes after the page's). */
export async function tapText(text: string): Promise<void> {
  const all = screen.getAllByText(text)
  await act(async () => {
    fireEvent.click(all[all.length - 1])
  })
}

/** The message a FormField with this label shows under its control, if any. */
export const fieldError = (label: string) => screen.getByText(label).closest('.form-field')?.querySelector('.form-field__error')?.textContent ?? undefined
