// The mini-program's main package carries the client anyway: start at once. H5: start-sending.h5.ts.
export { startSending } from './sending'
