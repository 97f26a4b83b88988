// Taro builds pick text-area.weapp.tsx or text-area.h5.tsx; this file only serves tsc and jest, whose component tests
// type into Taro's own textarea (as the mini-program does).
export * from './text-area.weapp'
