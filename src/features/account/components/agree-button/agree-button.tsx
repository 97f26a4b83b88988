// Taro builds pick agree-button.weapp.tsx or agree-button.h5.tsx; this file only serves tsc and jest.
export * from './agree-button.h5'
