export { TextArea } from './text-area'
export type { TextAreaProps } from './props'
