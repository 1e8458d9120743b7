import { addDays } from '@/lib/platform/business-day';

/**
 * Period words of a question → business dates (inclusive), relative to today's business date;
 * two of them for a comparison; a time of day. English and Myanmar. Pure: the offline model
 * uses it, and tests pin it as a table. Weeks start on Monday. A month name means the latest
 * such month that has begun.
 */
/** `per`: the range is a week's or a month's (so far), and the one before it is a week or a month earlier. */
export type Range = { from: string; to: string; label: string; per?: 'week' | 'month' };

const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MY_MONTHS = ['ဇန်နဝါရီ', 'ဖေဖော်ဝါရီ', 'မတ်', 'ဧပြီ', 'မေ', 'ဇွန်', 'ဇူလိုင်', 'ဩဂုတ်', 'စက်တင်ဘာ', 'အောက်တိုဘာ', 'နိုဝင်ဘာ', 'ဒီဇင်ဘာ'];
const EN_DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const MY_DAYS = ['တနင်္လာ', 'အင်္ဂါ', 'ဗုဒ္ဓဟူး', 'ကြာသပတေး', 'သောကြာ', 'စနေ', 'တနင်္ဂနွေ'];

/** 0 = Monday … 6 = Sunday. */
const weekday = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
const lastOfMonth = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).toISOString().slice(0, 10);
const MY_DIGITS = '၀၁၂၃၄၅၆၇၈၉';

/** Lower case, Myanmar digits as ASCII, ဩ/သြ spelled one way, and a copy without spaces for Myanmar phrases. */
export function normalise(text: string): { spaced: string; tight: string } {
  const spaced = text
    .toLowerCase()
    .replace(/[၀-၉]/g, (d) => String(MY_DIGITS.indexOf(d)))
    .replace(/သြ/g, 'ဩ')
    .replace(/[\u200b\u200c\u200d]/g, '');
  return { spaced, tight: spaced.replace(/\s+/g, '') };
}

const has = (tight: string, words: string[]) => words.some((w) => tight.includes(w));

const range = (from: string, to: string, label: string, per?: Range['per']): Range => ({ ...(from <= to ? { from, to } : { from: to, to: from }), label, ...(per && { per }) });

/** The period a question names, today when it names none. */
export function parsePeriod(question: string, today: string): Range {
  return findPeriod(question, today) ?? range(today, today, 'today');
}

/** The period `question` names, or null when it names none. */
function findPeriod(question: string, today: string): Range | null {
  const { spaced, tight } = normalise(question);

  const dates = [...spaced.matchAll(/\b(\d{4}-\d{2}-\d{2})\b/g)].map((m) => m[1]!);
  if (dates.length >= 2) return range(dates[0]!, dates[1]!, `${dates[0]} – ${dates[1]}`);
  if (dates.length === 1) return range(dates[0]!, dates[0]!, dates[0]!);

  if (/\byesterday\b/.test(spaced) || has(tight, ['မနေ့က', 'မနေ့'])) {
    const d = addDays(today, -1);
    return range(d, d, 'yesterday');
  }
  if (/\blast week\b|\bprevious week\b/.test(spaced) || has(tight, ['ပြီးခဲ့တဲ့အပတ်', 'ပြီးခဲ့သည့်အပတ်', 'လွန်ခဲ့သောအပတ်', 'အရင်အပတ်'])) {
    const monday = addDays(today, -weekday(today) - 7);
    return range(monday, addDays(monday, 6), 'last week', 'week');
  }
  if (/\bthis week\b/.test(spaced) || has(tight, ['ဒီအပတ်', 'ယခုအပတ်', 'ဤအပတ်'])) return range(addDays(today, -weekday(today)), today, 'this week', 'week');
  if (/\blast month\b|\bprevious month\b/.test(spaced) || has(tight, ['ပြီးခဲ့တဲ့လ', 'ပြီးခဲ့သည့်လ', 'လွန်ခဲ့သောလ', 'အရင်လ'])) {
    const end = addDays(monthStart(today), -1);
    return range(monthStart(end), end, 'last month', 'month');
  }
  if (/\bthis month\b/.test(spaced) || has(tight, ['ဒီလ', 'ယခုလ', 'ဤလ'])) return range(monthStart(today), today, 'this month', 'month');

  const since = sinceDay(spaced, tight);
  if (since !== null) {
    const back = (weekday(today) - since + 7) % 7;
    return range(addDays(today, -back), today, `since ${EN_DAYS[since]}`, 'week');
  }

  const month = monthNamed(spaced, tight);
  if (month !== null) {
    const [year, current] = [Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1];
    const y = month <= current ? year : year - 1;
    const from = `${y}-${String(month + 1).padStart(2, '0')}-01`;
    const end = lastOfMonth(y, month);
    return range(from, end < today ? end : today, EN_MONTHS[month]!, 'month');
  }
  if (/\b(today|tonight)\b/.test(spaced) || has(tight, ['ဒီနေ့', 'ယနေ့', 'ဒီည'])) return range(today, today, 'today');
  return null;
}

/** The range just before `r`: a week earlier for a week's, a month earlier for a month's (to its end if `r` runs to its end), else as many days earlier as it has. */
function earlier(r: Range): Range {
  const label = `before ${r.label}`;
  if (r.per === 'week') return range(addDays(r.from, -7), addDays(r.to, -7), label, 'week');
  if (r.per === 'month') {
    const end = addDays(monthStart(r.from), -1);
    const toEnd = addDays(r.to, 1).endsWith('-01');
    return range(monthStart(end), toEnd || r.to.slice(8) > end.slice(8) ? end : `${end.slice(0, 8)}${r.to.slice(8)}`, label, 'month');
  }
  const days = (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 + 1;
  return range(addDays(r.from, -days), addDays(r.to, -days), label);
}

/**
 * Where a comparison splits into its two periods, strongest first: "X vs Y", "X compared to Y",
 * then "compare X with/and Y" (Myanmar "X ကို Y နဲ့", "X နဲ့ Y"), then "compare X to Y".
 */
const SPLITS = [/\s(?:vs\.?|versus|compared (?:to|with)|against)\s|နဲ့စာရင်|နှင့်စာလျှင်/g, /\s(?:with|and)\s|ကို|နဲ့|နှင့်/g, /\sto\s/g];

/**
 * The two periods a comparison names (`period` compared with `against`): the first split with a
 * period on each side. With only one named, it is compared with the range just before it.
 */
export function parseComparison(question: string, today: string): { period: Range; against: Range } {
  const { spaced } = normalise(question);
  for (const split of SPLITS) {
    for (const m of spaced.matchAll(split)) {
      const period = findPeriod(spaced.slice(0, m.index), today);
      const against = findPeriod(spaced.slice(m.index + m[0].length), today);
      if (period && against) return { period, against };
    }
  }
  const period = parsePeriod(question, today);
  return { period, against: earlier(period) };
}

function sinceDay(spaced: string, tight: string): number | null {
  const en = /\bsince (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/.exec(spaced);
  if (en) return EN_DAYS.indexOf(en[1]!);
  // "တနင်္လာနေ့ကစပြီး", "တနင်္လာနေ့ကတည်းက": since <day>
  for (let i = MY_DAYS.length - 1; i >= 0; i--) {
    const day = MY_DAYS[i]!;
    if (tight.includes(`${day}နေ့ကစ`) || tight.includes(`${day}နေ့ကတည်းက`) || tight.includes(`${day}ကစ`)) return i;
  }
  return null;
}

function monthNamed(spaced: string, tight: string): number | null {
  const en = EN_MONTHS.findIndex((m) => new RegExp(`\\b(in |for |during )?${m}\\b`).test(spaced) && (m !== 'may' || /\b(in|for|during) may\b|\bmay \d{4}\b/.test(spaced)));
  if (en >= 0) return en;
  // Longest names first: "မေ" is also the start of other words, so it needs "လ" (month) after it.
  const order = MY_MONTHS.map((m, i) => [m, i] as const).sort((a, b) => b[0].length - a[0].length);
  for (const [name, i] of order) {
    if (name === 'မေ' ? tight.includes('မေလ') : tight.includes(name)) return i;
  }
  return null;
}

const hhmm = (hour: number, minute: number) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
/** An hour said without am/pm or a part of the day: 1–6 is the afternoon (a shop is seldom busy at 3 am), 7–12 as said. */
const shopHour = (h: number) => (h >= 1 && h <= 6 ? h + 12 : h);
/** Myanmar parts of the day → the hour on a 24-hour clock. */
const MY_DAY_PARTS: [string, (h: number) => number][] = [
  ['မနက်', (h) => (h === 12 ? 0 : h)],
  ['နေ့လယ်', (h) => (h <= 6 ? h + 12 : h)],
  ['မွန်းလွဲ', (h) => (h < 12 ? h + 12 : h)],
  ['ညနေ', (h) => (h < 12 ? h + 12 : h)],
  ['ည', (h) => (h === 12 ? 0 : h >= 6 ? h + 12 : h)],
];

/**
 * The local time of day a question names, "HH:MM" (24-hour), or null: "2 pm", "2:30pm", "14:30",
 * "noon", "at around 2", "2 o'clock"; Myanmar "ညနေ ၂ နာရီ", "နေ့လယ် ၁၂ နာရီခွဲ" (half past).
 */
export function timeOfDay(question: string): string | null {
  const { spaced } = normalise(question);
  const twelve = /\b(\d{1,2})(?:[:.](\d{2}))?\s*(a|p)\.?m\b/.exec(spaced);
  if (twelve && Number(twelve[1]) >= 1 && Number(twelve[1]) <= 12) return hhmm((Number(twelve[1]) % 12) + (twelve[3] === 'p' ? 12 : 0), Number(twelve[2] ?? 0));
  const clock = /\b([01]?\d|2[0-3]):([0-5]\d)\b/.exec(spaced);
  if (clock) return hhmm(Number(clock[1]), Number(clock[2]));
  if (/\b(noon|midday)\b/.test(spaced)) return '12:00';
  if (/\bmidnight\b/.test(spaced)) return '00:00';
  const my = /(\d{1,2})\s*နာရီ(\s*ခွဲ)?/.exec(spaced);
  if (my && Number(my[1]) <= 12) {
    const part = MY_DAY_PARTS.find(([word]) => spaced.slice(0, my.index).includes(word));
    return hhmm(part ? part[1](Number(my[1])) : shopHour(Number(my[1])), my[2] ? 30 : 0);
  }
  const bare = /\b(\d{1,2})\s*o'?clock\b|\bat (?:around |about )?(\d{1,2})\b(?![\d.,:])/.exec(spaced);
  const hour = Number(bare?.[1] ?? bare?.[2]);
  return bare && hour >= 1 && hour <= 12 ? hhmm(shopHour(hour), 0) : null;
}
