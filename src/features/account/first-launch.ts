// Taro builds pick first-launch.weapp.ts or first-launch.h5.ts; this file only serves tsc and jest (which run as H5).
export * from './first-launch.h5'
