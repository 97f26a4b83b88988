// Taro builds pick choose-photos.weapp.ts or choose-photos.h5.ts; this file only serves tsc and jest (which run as H5).
export * from './choose-photos.h5'
