/**
 * H5: the outbox needs the client and the whole contract, which the portal's first load should not carry;
 * they arrive with the first page, and the outbox starts as soon as they are there.
 */
export function startSending(): void {
  void import('./sending').then((m) => m.startSending())
}
