/**
 * The command lines a Markdown file tells people to type: every non-empty, non-comment line of
 * its ```bash / ```sh blocks, optionally only under one `## ` heading. The README test runs the
 * "Two commands" section's lines exactly as written (scripts/readmeCommands.test.ts).
 */

const FENCE = /^```(\w*)\s*$/;
const SHELL_LANGUAGES = new Set(['bash', 'sh', 'shell', 'console']);

/** Command lines of the shell blocks in `markdown` (under `## section` when given). */
export function shellCommandLines(markdown: string, section?: string): string[] {
  const commands: string[] = [];
  let inSection = section === undefined;
  let block: 'shell' | 'other' | undefined;
  for (const line of markdown.split('\n')) {
    const fence = FENCE.exec(line);
    if (fence) {
      if (block) block = undefined;
      else block = SHELL_LANGUAGES.has(fence[1]!) ? 'shell' : 'other';
      continue;
    }
    if (!block && line.startsWith('## ')) {
      inSection = section === undefined || line.slice(3).trim() === section;
      continue;
    }
    if (block !== 'shell' || !inSection) continue;
    // A trailing `# …` is an explanation, not part of the command.
    const command = line.replace(/\s+#\s.*$/, '').trim();
    if (command !== '' && !command.startsWith('#')) commands.push(command);
  }
  return commands;
}
