// Taro builds pick share.weapp.ts or share.h5.ts; this file only serves tsc and jest (which run as H5).
export * from './share.h5'
