import { enableKeyboardActivation } from './keyboard-activation.h5'

function press(target: Element, key: string): boolean {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
  target.dispatchEvent(event)
  return event.defaultPrevented
}

function element(tag: string, role: string | null): { el: HTMLElement; clicks: () => number } {
  const el = document.createElement(tag)
  if (role) el.setAttribute('role', role)
  el.tabIndex = 0
  let n = 0
  el.addEventListener('click', () => n++)
  document.body.appendChild(el)
  return { el, clicks: () => n }
}

beforeAll(() => enableKeyboardActivation())

test('Enter and Space press a View that acts as a button, and Space does not scroll the page', () => {
  const { el, clicks } = element('div', 'button')
  press(el, 'Enter')
  expect(clicks()).toBe(1)
  expect(press(el, ' ')).toBe(true)
  expect(clicks()).toBe(2)
  press(el, 'a')
  expect(clicks()).toBe(2)
})

test('a link opens on Enter only, as in a browser', () => {
  const { el, clicks } = element('div', 'link')
  press(el, ' ')
  expect(clicks()).toBe(0)
  press(el, 'Enter')
  expect(clicks()).toBe(1)
})

test('plain text, form fields and disabled controls are left alone', () => {
  const text = element('div', null)
  press(text.el, 'Enter')
  expect(text.clicks()).toBe(0)
  const input = element('input', 'button')
  expect(press(input.el, ' ')).toBe(false)
  expect(input.clicks()).toBe(0)
  const disabled = element('div', 'button')
  disabled.el.setAttribute('aria-disabled', 'true')
  press(disabled.el, 'Enter')
  expect(disabled.clicks()).toBe(0)
})

test('enabling twice still clicks once per key', () => {
  enableKeyboardActivation()
  const { el, clicks } = element('div', 'switch')
  press(el, 'Enter')
  expect(clicks()).toBe(1)
})
