/**
 * ICU (Node and Chromium alike) still lists some zones under their old names; offer the
 * current ones, which is what people look for (a Yangon café picks Asia/Yangon).
 */
const CURRENT_NAMES: Record<string, string> = {
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
};

export const currentZoneName = (zone: string) => CURRENT_NAMES[zone] ?? zone;

/** Every zone the browser knows, by current name, with the browser's own zone included. */
export function timeZoneOptions(detected: string): string[] {
  const zones = new Set(['UTC', ...Intl.supportedValuesOf('timeZone').map(currentZoneName), currentZoneName(detected)]);
  return [...zones].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}
