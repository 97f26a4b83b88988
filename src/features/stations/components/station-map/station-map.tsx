// Taro builds pick station-map.weapp.tsx or station-map.h5.tsx; this file only serves tsc and jest (which run as H5).
export * from './station-map.h5'
