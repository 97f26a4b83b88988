// Taro builds pick station-call.weapp.tsx or station-call.h5.tsx; this file only serves tsc and jest (which run as H5).
export * from './station-call.h5'
