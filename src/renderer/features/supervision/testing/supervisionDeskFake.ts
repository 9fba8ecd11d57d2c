/** A desk client whose `supervision` service is scripted by the test (board, actions, events). */
import type { AppClient } from '../../../../shared/contract/appContract';
import type {
  BoardEvent,
  WhisperNotice,
} from '../../../../shared/contract/services/supervisionService';
import type { SupervisionBoard, Whisper } from '../../../../shared/portalWire/supervisionSchemas';
import type { Result } from '../../../../shared/rpc/result';
import { PortalClientFake } from '../../notes/testing/portalClientFake';
import { syntheticBoard } from './boardFixtures';

type Listener<T> = (payload: T) => void;

export class SupervisionDeskFake extends PortalClientFake {
  board: SupervisionBoard = syntheticBoard(2, 3, 2);
  whispers: Whisper[] = [];
  readonly notReady: [string, string][] = [];
  readonly loggedOut: string[] = [];
  readonly acknowledged: [string, string][] = [];
  boardReads = 0;
  private readonly boardListeners = new Set<Listener<BoardEvent>>();
  private readonly whisperListeners = new Set<Listener<WhisperNotice>>();

  emitBoard(event: BoardEvent): void {
    for (const listener of this.boardListeners) listener(event);
  }

  emitWhisper(notice: WhisperNotice): void {
    for (const listener of this.whisperListeners) listener(notice);
  }

  override get client(): Pick<AppClient, 'portal' | 'vault' | 'supervision'> {
    const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
    const supervision = {
      board: () => {
        this.boardReads += 1;
        return ok(this.board);
      },
      setNotReady: (userId: string, reason: string) => {
        this.notReady.push([userId, reason]);
        return ok(null);
      },
      logOut: (userId: string) => {
        this.loggedOut.push(userId);
        return ok(null);
      },
      acknowledge: (clientId: string, alertKey: string) => {
        this.acknowledged.push([clientId, alertKey]);
        return ok(null);
      },
      whispersFor: (callId: string) =>
        ok(this.whispers.filter((whisper) => whisper.callId === callId)),
      onBoardEvent: (listener: Listener<BoardEvent>) => {
        this.boardListeners.add(listener);
        return () => this.boardListeners.delete(listener);
      },
      onWhisperReceived: (listener: Listener<WhisperNotice>) => {
        this.whisperListeners.add(listener);
        return () => this.whisperListeners.delete(listener);
      },
    };
    return { ...super.client, supervision: supervision as unknown as AppClient['supervision'] };
  }
}
