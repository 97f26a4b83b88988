// Taro builds pick filter-sheet-slot.weapp.tsx or filter-sheet-slot.h5.tsx; this file only serves tsc and jest.
export * from './filter-sheet-slot.weapp'
