// Taro builds pick print-page.weapp.ts or print-page.h5.ts; this file only serves tsc and jest (which run as H5).
export * from './print-page.h5'
