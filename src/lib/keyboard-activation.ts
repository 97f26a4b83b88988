/** The mini-program has no keyboard focus: nothing to do there (see keyboard-activation.h5.ts). */
export function enableKeyboardActivation(): void {}
