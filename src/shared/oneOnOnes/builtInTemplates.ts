/**
 * The built-in 1:1 templates, in our own words. Each section is tied to a principle from the
 * catalogue, so the structure says why it asks what it asks. Data only: a translation of the
 * templates replaces this module (see the README on what stays English for now).
 */
import type { Template, TemplateSection } from './templates';

const FOLLOW_UPS: TemplateSection = {
  heading: 'Follow-ups',
  principleId: 'trust-bank-account',
  questions: [],
  body: '{{openActionItems}}',
};

const TALKING_POINTS: TemplateSection = {
  heading: 'Talking points',
  questions: [],
  body: '{{talkingPoints}}',
};

const DELEGATED_WORK: TemplateSection = {
  heading: 'Delegated work',
  principleId: 'let-go-and-delegate',
  questions: [],
  body: '{{delegationCheckIns}}',
};

const ACTION_ITEMS: TemplateSection = {
  heading: 'Action items',
  principleId: 'expectations-and-feedback',
  questions: [],
  body: '- [ ] ',
};

export const BUILT_IN_TEMPLATES: readonly Template[] = [
  {
    id: 'weekly',
    title: 'Weekly check-in',
    description: 'Their topics first, then follow-ups, growth and next steps.',
    sections: [
      {
        heading: 'Their topics first',
        principleId: 'what-people-feel',
        questions: ['What is on your mind this week?', 'How are you feeling about your work, from 1 to 10?'],
        body: 'Check-in: /10',
      },
      FOLLOW_UPS,
      TALKING_POINTS,
      {
        heading: 'Growth',
        principleId: 'develop-beyond-the-role',
        questions: ['What did you learn since we last spoke?'],
        body: '{{goals}}',
      },
      DELEGATED_WORK,
      ACTION_ITEMS,
    ],
    moreQuestions: [
      'What is getting in your way that I could remove?',
      'What is one thing we should stop doing as a team?',
      'Whose work deserves recognition this week?',
    ],
  },
  {
    id: 'first',
    title: 'First 1:1 with a new report',
    description: 'Get to know the person, how they work, and where they want to go.',
    sections: [
      {
        heading: 'Getting to know each other',
        principleId: 'why-follow-you',
        questions: ['What do you want to be doing in two years?', 'What has a great manager done for you before?'],
      },
      {
        heading: 'How we work together',
        principleId: 'trust-bank-account',
        questions: ['How do you like to receive feedback?', 'How will I know when you are stuck or unhappy?'],
      },
      TALKING_POINTS,
      ACTION_ITEMS,
    ],
    moreQuestions: ['What motivates you on a hard day?', 'What should I never do as your manager?'],
  },
  {
    id: 'career',
    title: 'Career and growth',
    description: 'Where they want to go, and what would stretch them toward it.',
    sections: [
      {
        heading: 'Where you want to go',
        principleId: 'why-follow-you',
        questions: ['What kind of work gives you energy?', 'What would you like to be known for?'],
      },
      {
        heading: 'Growing beyond the role',
        principleId: 'develop-beyond-the-role',
        questions: ['Which skill outside your role would change your next year?', 'Where could you lead without a title?'],
        body: '{{goals}}',
      },
      ACTION_ITEMS,
    ],
    moreQuestions: ['Who do you admire, and for what?', 'What stretch would you take on if it were safe to fail?'],
  },
  {
    id: 'feedback',
    title: 'Feedback both ways',
    description: 'Praise quickly and specifically, criticise rarely and with care, and ask for theirs.',
    sections: [
      {
        heading: 'What went well',
        principleId: 'praise-fast-criticise-rarely',
        questions: ['Specific praise: what exactly, and why it mattered.'],
      },
      {
        heading: 'One thing to change',
        principleId: 'praise-fast-criticise-rarely',
        questions: ['The behaviour, its effect, and what you would like instead. Say it with care, in person.'],
      },
      {
        heading: 'Feedback for me',
        principleId: 'trust-bank-account',
        questions: ['What should I start, stop or keep doing?'],
      },
      ACTION_ITEMS,
    ],
    moreQuestions: ['How did that feedback land?', 'What support do you need to make the change?'],
  },
  {
    id: 'delegation',
    title: 'Delegation hand-off and check-in',
    description: 'Hand over technical work well, and check in without taking it back.',
    sections: [
      {
        heading: 'The work and why it matters',
        principleId: 'let-go-and-delegate',
        questions: ['What problem does this solve, and for whom?', 'What does done look like?'],
      },
      {
        heading: 'Decision rights',
        principleId: 'trust-by-letting-them-learn',
        questions: ['Which decisions are yours now? When do you want to involve me?'],
        body: '{{delegationCheckIns}}',
      },
      {
        heading: 'In your words',
        principleId: 'align-by-repetition',
        questions: ['Could you restate the goal in your own words?'],
      },
      ACTION_ITEMS,
    ],
    moreQuestions: ['What would you do differently from me, and why?', 'Who else needs to know you own this now?'],
  },
  {
    id: 'change',
    title: 'Leading through a change',
    description: 'How the person feels about the change, not only what they are doing about it.',
    sections: [
      {
        heading: 'How it feels',
        principleId: 'leadership-copes-with-change',
        questions: ['How do you feel about this change?', 'What worries you most about it?'],
      },
      {
        heading: 'What you believe',
        principleId: 'results-pyramid',
        questions: ['What has your experience taught you about changes like this one?'],
      },
      {
        heading: 'A better future',
        principleId: 'make-change-attractive',
        questions: ['What could be better for you once this lands?'],
      },
      TALKING_POINTS,
      ACTION_ITEMS,
    ],
    moreQuestions: ['What would help you feel more in control?', 'Who else is struggling with it?'],
  },
  {
    id: 'direction',
    title: 'Direction and alignment',
    description: 'Who we serve, where we are going, and whether they know what you know.',
    sections: [
      {
        heading: 'Who we serve',
        principleId: 'who-do-we-serve',
        questions: ['Who do we serve, and what would they say about us?'],
      },
      {
        heading: 'Where we are going',
        principleId: 'set-direction',
        questions: ['In your words, what matters most for the team this quarter?'],
      },
      {
        heading: 'What I may not have said',
        principleId: 'align-by-repetition',
        questions: ['What do I know that you might not? Say it again, plainly.'],
      },
      ACTION_ITEMS,
    ],
    moreQuestions: ['What would you change about our priorities?', 'Where is our direction unclear to you?'],
  },
  {
    id: 'managing-and-leading',
    title: 'Rating managing and leading separately',
    description: 'For a report who leads others: assess their managing and their leading on their own.',
    sections: [
      {
        heading: 'Managing',
        principleId: 'rate-both-separately',
        questions: ['Plans, staffing, measures, problems: how well, with examples?'],
      },
      {
        heading: 'Leading',
        principleId: 'rate-both-separately',
        questions: ['Direction, alignment, motivation: how well, with examples?'],
      },
      {
        heading: 'What to coach first',
        principleId: 'visionary-and-integrator',
        questions: ['Which of the two is the stronger suit? Who on their team complements it?'],
      },
      ACTION_ITEMS,
    ],
    moreQuestions: ['Are they aiming high enough, or only executing well?', 'Where are they wearing the wrong hat?'],
  },
  {
    id: 'skip-level',
    title: 'Skip-level',
    description: 'Hear from your reports’ reports: what they see, and what they need.',
    sections: [
      {
        heading: 'What you see',
        principleId: 'recognize-patterns',
        questions: ['What is going well on your team? What is frustrating?'],
      },
      {
        heading: 'Direction',
        principleId: 'align-by-repetition',
        questions: ['What do you think the organisation’s top priority is right now?'],
      },
      {
        heading: 'Support',
        principleId: 'influence-beyond-hierarchy',
        questions: ['What could I do that your manager cannot?'],
      },
      ACTION_ITEMS,
    ],
    moreQuestions: ['What would you change if you ran the team for a week?', 'Who deserves recognition that they have not had?'],
  },
];
