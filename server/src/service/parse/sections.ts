/** The top-level sections whose entries are named elements: services, networks, volumes, secrets, configs. */
export const SECTIONS = ['services', 'networks', 'volumes', 'secrets', 'configs'] as const;
export type SectionName = (typeof SECTIONS)[number];

export function isSection(key: string): key is SectionName {
  return (SECTIONS as readonly string[]).includes(key);
}
