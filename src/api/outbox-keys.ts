/** Where the outbox keeps its entries, and the event it fires when they change: known without loading the outbox. */
export const outboxStorageKey = 'wgt.outbox'
export const outboxChangedEvent = 'wgt.outbox.changed'
