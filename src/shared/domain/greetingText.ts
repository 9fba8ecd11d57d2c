/**
 * The greeting a client wants read out ("Meldetext") is stored with placeholders, because one
 * text serves every agent: `{agentName}` (the agent who answers) and `{clientName}`. The card
 * MUST show the text the agent actually says, never a raw placeholder.
 */

/** Values for the placeholders; a missing agent name is shown as `agentNameFallback`. */
export interface GreetingValues {
  agentName: string | undefined;
  clientName: string;
  /** Shown where the agent's name belongs when the desk does not know it (e.g. "[Ihr Name]"). */
  agentNameFallback: string;
}

const PLACEHOLDER = /\{\s*(agentName|clientName)\s*\}/g;

/**
 * The greeting with its placeholders filled. Unknown `{words}` are left as written: they are the
 * client's text, and guessing would put words in the agent's mouth.
 */
export function fillGreeting(template: string, values: GreetingValues): string {
  const agentName = values.agentName?.trim() || values.agentNameFallback;
  return template.replace(PLACEHOLDER, (_match, name: string) =>
    name === 'agentName' ? agentName : values.clientName,
  );
}
