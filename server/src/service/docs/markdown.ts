/** The one hover layout: a heading line, a few short paragraphs, and a link to the Docker docs. */
export function markdown(heading: string, lines: readonly string[], url?: string): string {
  return [heading, ...lines, ...(url ? [`[Docker reference](${url})`] : [])].join('\n\n');
}

/** Inline code that survives backticks inside the value. */
export function code(value: string): string {
  return value.includes('`') ? `\`\` ${value} \`\`` : `\`${value}\``;
}
