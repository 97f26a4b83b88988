/** The account registers (台账) on screen; their downloads are ledger-export.ts. */
import { useApi } from '@/api'
import { staffLedger } from '@contract/staff-ledgers'
import { staffSaved, type ParamsOf, type QueryOf } from './request-parts'

export const useLedger = (kind: ParamsOf<typeof staffLedger>['kind'], query: QueryOf<typeof staffLedger>) => useApi(staffLedger, { params: { kind }, query }, { cache: staffSaved('ledger', kind, query) })
