// Calendar dates as authors write them (YYYY-MM-DD), checked with a message a person understands.

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why `text` is not a real `YYYY-MM-DD` calendar date, or null when it is one. */
export function calendarDateProblem(text: string): { fr: string; en: string } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) {
    return {
      fr: `« ${text} » doit s'écrire AAAA-MM-JJ, par exemple 2026-03-01.`,
      en: `“${text}” must be written YYYY-MM-DD, for example 2026-03-01.`,
    };
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) {
    return {
      fr: `« ${text} » n'est pas une date : le mois doit être compris entre 01 et 12.`,
      en: `“${text}” is not a date: the month must be between 01 and 12.`,
    };
  }
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    return {
      fr: `« ${text} » n'existe pas au calendrier : ${MONTHS_FR[month - 1]} ${year} compte ${days} jours.`,
      en: `“${text}” is not a calendar date: ${MONTHS_EN[month - 1]} ${year} has ${days} days.`,
    };
  }
  return null;
}
