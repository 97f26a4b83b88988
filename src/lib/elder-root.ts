/** Mini-program: there is no document root to mark; each page's PageRoot carries the class. H5 in elder-root.h5.ts. */
export function applyElderRoot(_on: boolean): void {}
