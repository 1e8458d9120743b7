import { addDays } from '@/lib/platform/business-day';

/**
 * Period words of a question → business dates (inclusive), relative to today's business date.
 * English and Myanmar. Pure: the offline model uses it, and tests pin it as a table.
 * Weeks start on Monday. A month name means the latest such month that has begun.
 */
export type Range = { from: string; to: string; label: string };

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

export function parsePeriod(question: string, today: string): Range {
  const { spaced, tight } = normalise(question);
  const range = (from: string, to: string, label: string): Range => (from <= to ? { from, to, label } : { from: to, to: from, label });

  const dates = [...spaced.matchAll(/\b(\d{4}-\d{2}-\d{2})\b/g)].map((m) => m[1]!);
  if (dates.length >= 2) return range(dates[0]!, dates[1]!, `${dates[0]} – ${dates[1]}`);
  if (dates.length === 1) return range(dates[0]!, dates[0]!, dates[0]!);

  if (/\byesterday\b/.test(spaced) || has(tight, ['မနေ့က', 'မနေ့'])) {
    const d = addDays(today, -1);
    return range(d, d, 'yesterday');
  }
  if (/\blast week\b|\bprevious week\b/.test(spaced) || has(tight, ['ပြီးခဲ့တဲ့အပတ်', 'ပြီးခဲ့သည့်အပတ်', 'လွန်ခဲ့သောအပတ်', 'အရင်အပတ်'])) {
    const monday = addDays(today, -weekday(today) - 7);
    return range(monday, addDays(monday, 6), 'last week');
  }
  if (/\bthis week\b/.test(spaced) || has(tight, ['ဒီအပတ်', 'ယခုအပတ်', 'ဤအပတ်'])) return range(addDays(today, -weekday(today)), today, 'this week');
  if (/\blast month\b|\bprevious month\b/.test(spaced) || has(tight, ['ပြီးခဲ့တဲ့လ', 'ပြီးခဲ့သည့်လ', 'လွန်ခဲ့သောလ', 'အရင်လ'])) {
    const end = addDays(monthStart(today), -1);
    return range(monthStart(end), end, 'last month');
  }
  if (/\bthis month\b/.test(spaced) || has(tight, ['ဒီလ', 'ယခုလ', 'ဤလ'])) return range(monthStart(today), today, 'this month');

  const since = sinceDay(spaced, tight);
  if (since !== null) {
    const back = (weekday(today) - since + 7) % 7;
    return range(addDays(today, -back), today, `since ${EN_DAYS[since]}`);
  }

  const month = monthNamed(spaced, tight);
  if (month !== null) {
    const [year, current] = [Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1];
    const y = month <= current ? year : year - 1;
    const from = `${y}-${String(month + 1).padStart(2, '0')}-01`;
    const end = lastOfMonth(y, month);
    return range(from, end < today ? end : today, EN_MONTHS[month]!);
  }
  return range(today, today, 'today');
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
