import type { Session } from 'sip.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallState } from '../../../shared/domain/callState';
import { liveLegs } from './callStore';
import { SessionDescriptionHandlerFake } from './testing/sessionDescriptionHandlerFake';
import { createSoftphoneDeskFake, type SoftphoneDeskFake } from './testing/softphoneDeskFake';
import { SipNetworkFake } from './testing/sipNetworkFake';

const desks: SoftphoneDeskFake[] = [];

afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.engine.dispose();
  Reflect.deleteProperty(navigator, 'mediaDevices');
});

/** navigator.mediaDevices for jsdom: the device list the test controls, and devicechange. */
function stubMediaDevices(devices: { deviceId: string; kind: MediaDeviceKind }[]) {
  const target = new EventTarget();
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: Object.assign(target, {
      enumerateDevices: async () =>
        devices.map((device) => ({ ...device, label: '', groupId: '' })),
    }),
  });
  return { devices, unplug: () => target.dispatchEvent(new Event('devicechange')) };
}

async function connectedPair(network: SipNetworkFake) {
  const alice = await createSoftphoneDeskFake(network, '1001');
  const bob = await createSoftphoneDeskFake(network, '1002');
  desks.push(alice, bob);
  for (const desk of [alice, bob]) {
    await vi.waitFor(() => expect(desk.store.getState().registration.health).toBe('registered'));
    desk.engine.setPresence('available');
  }
  const dialled = await alice.engine.calls.dial('1002');
  await vi.waitFor(() => expect(liveLegs(bob.store.getState())).toHaveLength(1));
  await bob.engine.calls.answer(liveLegs(bob.store.getState())[0]!.id);
  await vi.waitFor(() => expect(liveLegs(alice.store.getState())[0]?.state).toBe(CallState.Active));
  return { alice, bob, legId: (dialled as { id: string }).id };
}

function handlerOf(desk: SoftphoneDeskFake, legId: string): SessionDescriptionHandlerFake {
  const runtimes = (desk.engine.calls as unknown as { runtimes: Map<string, { session: Session }> })
    .runtimes;
  return runtimes.get(legId)!.session.sessionDescriptionHandler as SessionDescriptionHandlerFake;
}

describe('audio devices during a call', () => {
  it('switches the microphone without touching the call', async () => {
    const { alice, legId } = await connectedPair(new SipNetworkFake());
    await alice.changeAudio({ microphoneId: 'headset-2' });
    expect(alice.microphonesOpened.at(-1)).toBe('headset-2');
    expect(handlerOf(alice, legId).microphoneSwitches).toBe(1);
    expect(alice.store.getState().legs[legId]!.state).toBe(CallState.Active);
    expect(alice.store.getState().deviceNotices).toEqual([]);
  });

  it('switches the speaker and tells the agent when the chosen one is gone', async () => {
    const { alice } = await connectedPair(new SipNetworkFake());
    await alice.changeAudio({ speakerId: 'desk-speaker' });
    expect(alice.remoteAudio.speakers.at(-1)).toBe('desk-speaker');
    alice.remoteAudio.missing.add('gone-speaker');
    await alice.changeAudio({ speakerId: 'gone-speaker' });
    expect(alice.store.getState().deviceNotices).toContain('speaker-fallback');
  });

  it('falls back to the default microphone when the chosen one is unplugged', async () => {
    const media = stubMediaDevices([
      { deviceId: 'usb-headset', kind: 'audioinput' },
      { deviceId: 'default', kind: 'audiooutput' },
    ]);
    const { alice, legId } = await connectedPair(new SipNetworkFake());
    await alice.changeAudio({ microphoneId: 'usb-headset' });
    const switchesBefore = handlerOf(alice, legId).microphoneSwitches;
    media.devices.splice(0, 1);
    alice.remoteAudio.missing.add('usb-headset');
    media.unplug();
    await vi.waitFor(() =>
      expect(alice.store.getState().deviceNotices).toContain('microphone-fallback'),
    );
    expect(handlerOf(alice, legId).microphoneSwitches).toBe(switchesBefore + 1);
    expect(alice.store.getState().legs[legId]!.state).toBe(CallState.Active);
  });
});
