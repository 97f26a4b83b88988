// Taro builds pick open-print.weapp.ts or open-print.h5.ts; this file only serves tsc and jest (which run as H5).
export * from './open-print.h5'
