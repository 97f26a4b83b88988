// Taro builds pick open-map.weapp.ts or open-map.h5.ts; this file only serves tsc and jest (which run as H5).
export * from './open-map.h5'
