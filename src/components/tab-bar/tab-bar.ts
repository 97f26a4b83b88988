// Taro builds pick tab-bar.weapp.ts or tab-bar.h5.tsx; this file only serves tsc and jest (which run as H5).
export * from './tab-bar.h5'
