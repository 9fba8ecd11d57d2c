/**
 * What the update policy needs from an updater (electron-updater in the Electron shell, a fake in
 * tests). Keeping it this small lets the policy live in services/, free of `electron`.
 */
import type { Unsubscribe } from '../../../shared/contract/contractDefinition';

/** Progress of one update cycle, as the updater reports it. */
export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string };

export interface UpdaterPort {
  /** False where nothing can be updated (an unpackaged development build). */
  readonly active: boolean;
  /** Points the updater at a generic feed (a folder with latest*.yml and the installers). */
  setFeedUrl(url: string): void;
  /** Starts a check; an available update downloads by itself and reports through events. */
  check(): Promise<void>;
  /** Quits the app and installs the downloaded update. MUST only be called by the policy. */
  install(): void;
  onEvent(listener: (event: UpdaterEvent) => void): Unsubscribe;
}
