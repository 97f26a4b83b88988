// Taro builds pick location.weapp.ts or location.h5.ts; this file only serves tsc and jest (which run as H5).
export * from './location.h5'
