/** The mini-program mounts its pages itself: nothing to draw as a transition (see page-transitions.h5.ts). */
export function drawPagesAsTransitions(): void {}
