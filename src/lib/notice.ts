// Taro builds pick notice.weapp.ts or notice.h5.ts; this file only serves tsc and jest (which run as H5).
export * from './notice.h5'
