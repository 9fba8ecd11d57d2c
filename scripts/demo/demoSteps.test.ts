import { describe, expect, it } from 'vitest';
import { DEMO_PARTS, type DemoPart } from './demoPlan';
import { createDemoRun, DemoStartError, type DemoStep } from './demoSteps';

function recordingSteps(failing?: DemoPart) {
  const log: string[] = [];
  const steps: DemoStep[] = DEMO_PARTS.map((part) => ({
    part,
    start: async () => {
      log.push(`start ${part}`);
      if (part === failing) throw new Error('port in use');
    },
    stop: async () => void log.push(`stop ${part}`),
  }));
  return { log, steps };
}

describe('startSteps', () => {
  it('starts every part in order and stops them in reverse, once', async () => {
    const { log, steps } = recordingSteps();
    const demo = createDemoRun(steps);
    await demo.start();
    expect(demo.started()).toEqual([...DEMO_PARTS]);
    await Promise.all([demo.stop(), demo.stop()]);
    await demo.stop();
    expect(log).toEqual([
      ...DEMO_PARTS.map((part) => `start ${part}`),
      ...[...DEMO_PARTS].reverse().map((part) => `stop ${part}`),
    ]);
  });

  it('a failing part stops itself and everything before it, and nothing after it starts', async () => {
    const { log, steps } = recordingSteps('voicebot');
    const failure = await createDemoRun(steps)
      .start()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DemoStartError);
    expect((failure as DemoStartError).part).toBe('voicebot');
    expect(log).toEqual([
      'start mail-catcher',
      'start portal',
      'start lab',
      'start voicebot',
      'stop voicebot',
      'stop lab',
      'stop portal',
      'stop mail-catcher',
    ]);
  });

  it('a stop that fails is reported and the other parts still stop', async () => {
    const { log, steps } = recordingSteps();
    const broken = steps.map((step) =>
      step.part === 'lab' ? { ...step, stop: () => Promise.reject(new Error('busy')) } : step,
    );
    const failures: string[] = [];
    const demo = createDemoRun(broken, (part) => failures.push(part));
    await demo.start();
    await demo.stop();
    expect(failures).toEqual(['lab']);
    expect(log.filter((line) => line.startsWith('stop'))).toEqual(
      [...DEMO_PARTS]
        .reverse()
        .filter((part) => part !== 'lab')
        .map((part) => `stop ${part}`),
    );
  });

  it('a stop during the start lets the current part finish, starts nothing more, stops it', async () => {
    const log: string[] = [];
    let release: () => void = () => undefined;
    const steps: DemoStep[] = (['portal', 'lab', 'voicebot'] as const).map((part) => ({
      part,
      start: async () => {
        log.push(`start ${part}`);
        if (part === 'lab') await new Promise<void>((resolve) => (release = resolve));
      },
      stop: async () => void log.push(`stop ${part}`),
    }));
    const demo = createDemoRun(steps);
    const starting = demo.start();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const stopping = demo.stop();
    release();
    await Promise.all([starting, stopping]);
    expect(log).toEqual(['start portal', 'start lab', 'stop lab', 'stop portal']);
  });
});
