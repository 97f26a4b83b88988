// Taro builds pick phone-call.weapp.tsx or phone-call.h5.tsx; this file only serves tsc and jest (which run as H5).
export * from './phone-call.h5'
