/**
 * A scriptable {@link OutboxSender} for tests: answers from a queue of scripted results (then
 * `accepted`), records every request, and can hold requests until released.
 */
import type { OutboxSender, SendResult } from './outboxTypes';

export class OutboxSenderFake<Payload> implements OutboxSender<Payload> {
  readonly requests: Array<{ idempotencyKey: string; payload: Payload }> = [];
  /** Results to answer with, in order; `'throw'` simulates a network error. */
  readonly script: Array<SendResult | 'throw'> = [];
  /** Keys the "portal" has committed, with how many times each was accepted. */
  readonly committed = new Map<string, number>();
  /** While set, requests wait until `release()`. */
  hold = false;
  private readonly held: Array<() => void> = [];

  async send(request: { idempotencyKey: string; payload: Payload }): Promise<SendResult> {
    this.requests.push(request);
    if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve));
    const next = this.script.shift();
    if (next === 'throw') throw new Error('network down');
    const result = next ?? { kind: 'accepted', remoteId: `remote-${request.idempotencyKey}` };
    if (result.kind === 'accepted') {
      this.committed.set(
        request.idempotencyKey,
        (this.committed.get(request.idempotencyKey) ?? 0) + 1,
      );
    }
    return result;
  }

  release(): void {
    this.hold = false;
    for (const resolve of this.held.splice(0)) resolve();
  }
}
