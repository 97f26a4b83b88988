// The project has no @types/react-dom (Taro supplies the renderer); the H5 first-launch notice needs only this.
declare module 'react-dom' {
  import type { ReactNode, ReactPortal } from 'react'
  export function createPortal(children: ReactNode, container: Element | DocumentFragment): ReactPortal
}
