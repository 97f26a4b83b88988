/** The mini-program draws its pages itself: no server-written first screen to take over (see first-screen.h5.ts). */
export function takeOverFirstScreen(): void {}
