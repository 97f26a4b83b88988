/** The account registers (台账) on screen; their downloads are ledger-export.ts. */
import { useApi } from '@/api'
import { staffLedger } from '@contract/staff-ledgers'
import type { ParamsOf, QueryOf } from './request-parts'

export const useLedger = (kind: ParamsOf<typeof staffLedger>['kind'], query: QueryOf<typeof staffLedger>) => useApi(staffLedger, { params: { kind }, query })
