/**
 * Starts the demo's parts in order and stops the ones that started in reverse order, exactly
 * once, whatever failed in between: a part that cannot start stops everything before it, and a
 * stop requested while parts are still starting (Ctrl+C) starts nothing more.
 */
import type { DemoPart } from './demoPlan';

export interface DemoStep {
  readonly part: DemoPart;
  start(): Promise<void>;
  /** Must be safe when the part started only half or not at all. */
  stop(): Promise<void>;
}

export interface DemoRun {
  /** Starts every part in order; rejects with a `DemoStartError` after stopping what started. */
  start(): Promise<void>;
  /** Parts that started (or began to), in start order. */
  readonly started: () => DemoPart[];
  /** Stops every started part in reverse order; later calls wait for the first. */
  stop(): Promise<void>;
}

export class DemoStartError extends Error {
  constructor(
    readonly part: DemoPart,
    readonly reason: unknown,
  ) {
    super(`${part}: ${reason instanceof Error ? reason.message : String(reason)}`);
  }
}

export function createDemoRun(
  steps: readonly DemoStep[],
  onStopFailure: (part: DemoPart, error: unknown) => void = () => undefined,
): DemoRun {
  const started: DemoStep[] = [];
  let stopping: Promise<void> | undefined;
  let starting: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      // A part in the middle of starting finishes first, then everything stops.
      await starting?.catch(() => undefined);
      for (const step of [...started].reverse()) {
        await step.stop().catch((error: unknown) => onStopFailure(step.part, error));
      }
    })();
    return stopping;
  };
  return {
    started: () => started.map((step) => step.part),
    stop,
    async start() {
      let failure: DemoStartError | undefined;
      starting ??= (async () => {
        for (const step of steps) {
          if (stopping) return;
          // Recorded before it starts: a half-started part is stopped too.
          started.push(step);
          try {
            await step.start();
          } catch (error) {
            failure = new DemoStartError(step.part, error);
            return;
          }
        }
      })();
      // `starting` itself never rejects, so a stop waiting for it cannot wait for itself.
      await starting;
      if (failure) {
        await stop();
        throw failure;
      }
    },
  };
}
