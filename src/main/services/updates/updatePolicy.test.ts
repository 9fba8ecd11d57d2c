import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../shared/rpc/result';
import type { UpdateStatus } from '../../../shared/contract/services/updateService';
import {
  DEFERRED_MESSAGE,
  NO_FEED_MESSAGE,
  createUpdatePolicy,
  shortMessage,
} from './updatePolicy';
import type { UpdaterEvent, UpdaterPort } from './updaterPort';

class UpdaterFake implements UpdaterPort {
  active = true;
  feedUrls: string[] = [];
  checks = 0;
  installs = 0;
  failNextCheck: Error | undefined;
  private listener: ((event: UpdaterEvent) => void) | undefined;

  setFeedUrl(url: string): void {
    this.feedUrls.push(url);
  }
  async check(): Promise<void> {
    this.checks += 1;
    if (this.failNextCheck) throw this.failNextCheck;
  }
  install(): void {
    this.installs += 1;
  }
  onEvent(listener: (event: UpdaterEvent) => void): () => void {
    this.listener = listener;
    return () => (this.listener = undefined);
  }
  emit(event: UpdaterEvent): void {
    this.listener?.(event);
  }
}

function setup(feed = 'https://updates.example.org/empfang') {
  const updater = new UpdaterFake();
  let feedUrl = feed;
  const policy = createUpdatePolicy({ updater, feedUrl: () => feedUrl });
  const seen: UpdateStatus[] = [];
  policy.events.subscribe((_event, payload) => seen.push(payload as UpdateStatus));
  return { updater, policy, seen, setFeed: (url: string) => (feedUrl = url) };
}

async function downloaded(context: ReturnType<typeof setup>): Promise<void> {
  await context.policy.methods.check();
  context.updater.emit({ type: 'available', version: '1.2.0' });
  context.updater.emit({ type: 'progress', percent: 50 });
  context.updater.emit({ type: 'downloaded', version: '1.2.0' });
}

describe('update policy', () => {
  it('walks checking → available → downloading → ready and keeps the version', async () => {
    const context = setup();
    await downloaded(context);
    expect(context.updater.feedUrls).toEqual(['https://updates.example.org/empfang']);
    expect(context.seen.map((status) => status.state)).toEqual([
      'checking',
      'available',
      'downloading',
      'ready',
    ]);
    expect(context.seen[2]).toMatchObject({ version: '1.2.0', progressPercent: 50 });
    expect(await context.policy.methods.getStatus()).toMatchObject({
      state: 'ready',
      version: '1.2.0',
    });
  });

  it('installs at once when no call is active', async () => {
    const context = setup();
    await downloaded(context);
    await context.policy.methods.installNow();
    expect(context.updater.installs).toBe(1);
  });

  it('never installs during a call and installs right after it ends', async () => {
    const context = setup();
    await downloaded(context);
    await context.policy.methods.setCallActive(true);
    const refusal = await context.policy.methods.installNow().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ServiceError);
    expect(refusal).toMatchObject({ code: 'conflict', message: DEFERRED_MESSAGE });
    expect(context.updater.installs).toBe(0);
    expect(await context.policy.methods.getStatus()).toMatchObject({
      state: 'ready',
      deferredForCall: true,
    });
    const after = await context.policy.methods.setCallActive(false);
    expect(after.deferredForCall).toBe(false);
    expect(context.updater.installs).toBe(1);
  });

  it('does not install by itself when a call ends and nobody asked for it', async () => {
    const context = setup();
    await downloaded(context);
    await context.policy.methods.setCallActive(true);
    await context.policy.methods.setCallActive(false);
    expect(context.updater.installs).toBe(0);
  });

  it('a deferred install waits for a download that finishes during the call', async () => {
    const context = setup();
    await downloaded(context);
    await context.policy.methods.setCallActive(true);
    await context.policy.methods.installNow().catch(() => undefined);
    context.updater.emit({ type: 'downloaded', version: '1.2.0' });
    expect(context.updater.installs).toBe(0);
    await context.policy.methods.setCallActive(false);
    expect(context.updater.installs).toBe(1);
  });

  it('refuses installNow when nothing is downloaded', async () => {
    const context = setup();
    await expect(context.policy.methods.installNow()).rejects.toMatchObject({ code: 'conflict' });
    expect(context.updater.installs).toBe(0);
  });

  it('turns a failing check into the error state instead of throwing', async () => {
    const context = setup();
    context.updater.failNextCheck = new Error('net::ERR_NAME_NOT_RESOLVED\n<html>body</html>');
    const status = await context.policy.methods.check();
    expect(status).toMatchObject({ state: 'error', message: 'net::ERR_NAME_NOT_RESOLVED' });
  });

  it('shows updater error events and can check again afterwards', async () => {
    const context = setup();
    await context.policy.methods.check();
    context.updater.emit({ type: 'error', message: 'sha512 checksum mismatch' });
    expect((await context.policy.methods.getStatus()).state).toBe('error');
    await context.policy.methods.check();
    expect(context.updater.checks).toBe(2);
  });

  it('does not check without a feed URL and picks up a feed set later', async () => {
    const context = setup('');
    expect(await context.policy.methods.check()).toMatchObject({
      state: 'idle',
      message: NO_FEED_MESSAGE,
    });
    expect(context.updater.checks).toBe(0);
    context.setFeed('https://other.example.org/feed');
    await context.policy.methods.check();
    expect(context.updater.feedUrls).toEqual(['https://other.example.org/feed']);
  });

  it('does not start a second check while one runs or an update is ready', async () => {
    const context = setup();
    await context.policy.methods.check();
    context.updater.emit({ type: 'checking' });
    await context.policy.methods.check();
    expect(context.updater.checks).toBe(1);
  });

  it('reports unsupported and never touches an inactive updater', async () => {
    const updater = new UpdaterFake();
    updater.active = false;
    const policy = createUpdatePolicy({ updater, feedUrl: () => 'https://example.org' });
    expect((await policy.methods.check()).state).toBe('unsupported');
    updater.emit({ type: 'downloaded', version: '9.9.9' });
    expect((await policy.methods.getStatus()).state).toBe('unsupported');
    expect(updater.checks).toBe(0);
  });

  it('caps updater messages to one short line', () => {
    expect(shortMessage(new Error(`first line\nsecond`))).toBe('first line');
    expect(shortMessage('x'.repeat(500)).length).toBe(200);
  });
});
