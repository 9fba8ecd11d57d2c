import { describe, expect, it } from 'vitest';
import { fillGreeting } from './greetingText';

const values = {
  agentName: 'Jana Köhler',
  clientName: 'Kanzlei Brandt',
  agentNameFallback: '[Ihr Name]',
};

describe('fillGreeting', () => {
  it("puts the agent's name where the client's text has {agentName}", () => {
    expect(
      fillGreeting('Kanzlei Brandt, Sie sprechen mit {agentName}. Wie kann ich helfen?', values),
    ).toBe('Kanzlei Brandt, Sie sprechen mit Jana Köhler. Wie kann ich helfen?');
  });

  it('fills every occurrence and tolerates spaces inside the braces', () => {
    expect(fillGreeting('{clientName}: { agentName } / {agentName}', values)).toBe(
      'Kanzlei Brandt: Jana Köhler / Jana Köhler',
    );
  });

  it('shows the fallback, not the placeholder, when the name is unknown or blank', () => {
    expect(fillGreeting('mit {agentName}.', { ...values, agentName: undefined })).toBe(
      'mit [Ihr Name].',
    );
    expect(fillGreeting('mit {agentName}.', { ...values, agentName: '   ' })).toBe(
      'mit [Ihr Name].',
    );
  });

  it('leaves unknown placeholders and replacement patterns in names as written', () => {
    expect(fillGreeting('{unknown} {agentName}', { ...values, agentName: '$& $1' })).toBe(
      '{unknown} $& $1',
    );
  });
});
