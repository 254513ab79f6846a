/** The five texts Two Hats draws its principles from, credited by title. */

export const SOURCES = {
  hardSoft: {
    title: 'Understanding and Applying Hard Management & Soft Leadership Skills',
    short: 'Hard Management & Soft Leadership Skills',
  },
  lookAndSound: {
    title: 'Leadership versus Management (The Look & Sound of Leadership)',
    short: 'The Look & Sound of Leadership',
  },
  managementVsLeadership: {
    title: 'Management vs Leadership',
    short: 'Management vs Leadership',
  },
  difference: {
    title: 'The Difference between Management and Leadership',
    short: 'The Difference between Management and Leadership',
  },
  threeWays: {
    title: '3 Ways Leadership and Management Are Totally Different',
    short: '3 Ways Leadership and Management Are Totally Different',
  },
} as const;

export type SourceId = keyof typeof SOURCES;
