/**
 * Every principle Two Hats offers, paraphrased in its own words from the five texts and credited
 * to the one it comes from. Quotations appear only where the text attributes them to a named
 * person, and are kept short.
 */
import type { SourceId } from './sources';

/** Which hat a principle belongs to, or the relationship skills both hats need. */
export type Side = 'leadership' | 'management' | 'relationship';

/** Kotter's three pairs: each leadership function beside the management function it balances. */
export type KotterPair = 'direction' | 'alignment' | 'motivation';

/**
 * What the catalogue below must hold; the catalogue is `as const`, so its ids form the
 * compile-time union `PrincipleId` and a template or situation naming a wrong id fails typecheck.
 */
interface PrincipleEntry {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly side: Side;
  readonly pair?: KotterPair;
  readonly source: SourceId;
  readonly tags: readonly string[];
  readonly prompts: readonly string[];
  readonly quote?: { readonly text: string; readonly by: string };
}

export interface Principle extends PrincipleEntry {
  readonly id: PrincipleId;
  readonly title: string;
  /** One line, shown in pickers and the sidebar. */
  readonly summary: string;
  /** A short paragraph in Two Hats' own words. */
  readonly body: string;
  readonly side: Side;
  readonly pair?: KotterPair;
  readonly source: SourceId;
  readonly tags: readonly string[];
  /** Two or three questions to ask or practices to try. */
  readonly prompts: readonly string[];
  readonly quote?: { readonly text: string; readonly by: string };
}

export const SIDE_LABELS: Record<Side, string> = {
  leadership: 'Leadership: coping with change',
  management: 'Management: coping with complexity',
  relationship: 'Relationship skills both hats need',
};

export const PAIR_LABELS: Record<KotterPair, string> = {
  direction: 'Setting direction vs planning and budgeting',
  alignment: 'Aligning people vs organizing and staffing',
  motivation: 'Motivating and inspiring vs controlling and problem solving',
};

const CATALOGUE = [
  // --- Understanding and Applying Hard Management & Soft Leadership Skills ---
  {
    id: 'long-range-view',
    title: 'Look past this quarter',
    summary: 'Managing keeps today on track; leading builds for what comes after it.',
    body: 'A manager naturally works on a short horizon: this sprint, this quarter, this target. A leader also holds the long view and asks what the team must become. If every conversation you had this week was about the next deadline, you spent the week in one hat.',
    side: 'leadership',
    pair: 'direction',
    source: 'hardSoft',
    tags: ['horizon', 'future', 'strategy', 'long term'],
    prompts: [
      'What will this team need to be good at a year from now that it is not good at today?',
      'Block thirty minutes this week for a question that has no deadline attached.',
    ],
  },
  {
    id: 'challenge-status-quo',
    title: 'Question the way it has always been done',
    summary: 'Accepting the status quo is managing it; leading means asking whether it should stay.',
    body: 'Keeping the current way of working healthy is real work, and it is management. Leadership starts when you ask whether that way of working still deserves to exist, and invite the team to ask it with you.',
    side: 'leadership',
    source: 'hardSoft',
    tags: ['change', 'status quo', 'improvement', 'innovation'],
    prompts: [
      'Which of our routines would we not start today if we were starting fresh?',
      'Ask your report: what do we do only because we always have?',
    ],
  },
  {
    id: 'influence-not-position',
    title: 'Lead by influence, not by title',
    summary: 'Power that rests on your position fades; influence you have earned lasts.',
    body: 'A manager can get things done because the org chart says so. A leader gets them done because people want to follow. Positional power gets compliance and nothing more; personal influence is built one conversation, one kept promise, at a time.',
    side: 'leadership',
    pair: 'motivation',
    source: 'hardSoft',
    tags: ['influence', 'authority', 'power', 'title'],
    prompts: [
      'If you lost your title tomorrow, who on the team would still come to you for advice, and why?',
      'Name one decision you could explain and earn, instead of simply announcing.',
    ],
  },
  {
    id: 'commitment-over-compliance',
    title: 'Aim for commitment, not compliance',
    summary: 'Compliance does the minimum asked; commitment brings discretionary effort.',
    body: 'Following instructions is required; following a person is a choice. People who are merely complying will do what is checked. People who are committed bring their judgement, their ideas and the extra effort no process can demand.',
    side: 'leadership',
    pair: 'motivation',
    source: 'hardSoft',
    tags: ['engagement', 'motivation', 'effort', 'commitment'],
    prompts: [
      'What does this person care about that this work could serve?',
      'Where is the team doing exactly what was asked and no more? What is missing there?',
    ],
    quote: { text: 'the art of mobilizing others to want to struggle for shared aspirations', by: 'Jim Kouzes and Barry Posner' },
  },
  {
    id: 'persuade-not-supervise',
    title: 'Persuade rather than supervise',
    summary: 'Supervision watches the work; persuasion changes what people choose to do.',
    body: 'Supervising is a management skill: checking that the agreed work happens. Persuasion is the leader’s skill: helping people see why something matters so that they choose it when nobody is watching.',
    side: 'relationship',
    source: 'hardSoft',
    tags: ['persuasion', 'supervision', 'convincing', 'buy-in'],
    prompts: [
      'Explain the why behind your next request before you explain the what.',
      'What would convince you, if you were in their place?',
    ],
  },
  {
    id: 'strategy-before-tactics',
    title: 'Tactics serve a strategy',
    summary: 'Managers plan tactics; leaders make sure there is a strategy worth the tactics.',
    body: 'A good plan for the wrong goal is still the wrong work. Before you optimise how the team does something, check that someone has decided why it is being done and what it is for.',
    side: 'leadership',
    pair: 'direction',
    source: 'hardSoft',
    tags: ['strategy', 'tactics', 'planning', 'goals'],
    prompts: [
      'Can every person on the team say what this quarter’s work is for, in one sentence?',
      'Which current task would you drop if the strategy were stated out loud?',
    ],
  },
  {
    id: 'transformational-communication',
    title: 'Talk to change minds, not only to trade tasks',
    summary: 'Transactional talk swaps work for reward; transformational talk changes how people see it.',
    body: 'Much of a manager’s talk is an exchange: here is the task, here is when it is due. Leaders also talk in a way that changes how people see the work and themselves, connecting today’s task to something they value.',
    side: 'leadership',
    pair: 'motivation',
    source: 'hardSoft',
    tags: ['communication', 'transactional', 'transformational', 'meaning'],
    prompts: [
      'In your last 1:1, how much of the talk was about tasks, and how much about the person?',
      'Connect one piece of routine work to the outcome it makes possible.',
    ],
  },
  {
    id: 'lead-at-every-level',
    title: 'Leadership happens at every level',
    summary: 'Guiding, influencing, instructing, supporting, enabling and ennobling need no direct reports.',
    body: 'Being a manager does not make you a leader, and you do not need to be a manager to lead. Anyone who guides, influences, instructs, supports, enables or ennobles others is leading. Look for it in your reports, and grow it.',
    side: 'leadership',
    source: 'hardSoft',
    tags: ['leadership', 'growth', 'everyone', 'development'],
    prompts: [
      'Where has this person already led without a title? Tell them you noticed.',
      'Which of the six (guide, influence, instruct, support, enable, ennoble) could they practise next?',
    ],
  },
  {
    id: 'expectations-and-feedback',
    title: 'Set clear expectations and give timely feedback',
    summary: 'The management basics: say what good looks like, and say early when it is off.',
    body: 'Managing the work well means clear expectations, timely feedback, managing performance and driving results through the right actions. None of it is optional, and none of it is enough on its own.',
    side: 'management',
    pair: 'motivation',
    source: 'hardSoft',
    tags: ['expectations', 'feedback', 'performance', 'results'],
    prompts: [
      'Does this person know, in their words, what a great outcome looks like for their current work?',
      'What feedback have you been holding back for more than a week?',
    ],
  },
  {
    id: 'results-pyramid',
    title: 'Experiences shape beliefs, beliefs drive actions',
    summary: 'To change results, change the experiences that shaped people’s beliefs.',
    body: 'Managers work at the top of the pyramid: results and the actions that produce them. But people choose actions from their beliefs, and beliefs grow from experiences. If instructions are not sticking, telling people again will not help; give them a new experience.',
    side: 'leadership',
    pair: 'motivation',
    source: 'hardSoft',
    tags: ['beliefs', 'behaviour', 'change', 'results pyramid'],
    prompts: [
      'What experience taught this person that their way works better than yours?',
      'What new experience could show them a different way, without you saying it again?',
    ],
  },
  {
    id: 'ask-about-beliefs',
    title: 'When people go their own way, ask what they believe',
    summary: 'Deviation is rarely defiance; it is usually a belief that something else works better.',
    body: 'When someone keeps doing it differently, it is seldom laziness or insubordination. Dig and you will usually find a belief built on their own experience. Understand it before you try to change it; sometimes they are right.',
    side: 'relationship',
    source: 'hardSoft',
    tags: ['resistance', 'curiosity', 'beliefs', 'listening'],
    prompts: [
      'What do you think would work better than what we agreed, and why?',
      'Where did you see that approach succeed?',
    ],
  },
  {
    id: 'model-what-you-expect',
    title: 'Model what you expect',
    summary: 'People believe what you do long before they believe what you say.',
    body: 'Leaders show people how their own interests can be met by the work, and they model what they ask of others, consistently enough to be credible. They hold people accountable while making the work possible.',
    side: 'leadership',
    pair: 'motivation',
    source: 'hardSoft',
    tags: ['example', 'credibility', 'consistency', 'accountability'],
    prompts: [
      'Which habit you ask of the team do you not practise yourself?',
      'What did the team see you do this week, and what would they conclude from it?',
    ],
  },

  // --- Leadership versus Management (The Look & Sound of Leadership) ---
  {
    id: 'management-copes-with-complexity',
    title: 'Management exists to cope with complexity',
    summary: 'Staffing, budgeting, controlling, measuring and problem solving keep complex work running.',
    body: 'Work does not happen properly without someone handling its complexity. That is why management exists, and it deserves to be done well rather than apologised for. Put it on when the problem is coordination, not change.',
    side: 'management',
    source: 'lookAndSound',
    tags: ['complexity', 'Kotter', 'operations', 'systems'],
    prompts: [
      'Which part of the team’s work is failing for lack of a system rather than lack of will?',
      'What would you measure to know this is working?',
    ],
  },
  {
    id: 'leadership-copes-with-change',
    title: 'Leadership exists to help people through change',
    summary: 'Change never ends; leading is helping people cope with it.',
    body: 'Leadership has its own reason to exist: change, which never stops. Motivating, aligning, recognising patterns and forming a vision all serve people who are being asked to move from what they know.',
    side: 'leadership',
    source: 'lookAndSound',
    tags: ['change', 'Kotter', 'transition'],
    prompts: [
      'What is changing for this person right now, whether or not you caused it?',
      'How are they feeling about it, not just what are they doing about it?',
    ],
  },
  {
    id: 'what-people-feel',
    title: 'Leadership is about what people feel',
    summary: 'Managing covers what people do; leading attends to how they feel about it.',
    body: 'Getting people to care about the work is leadership. Every change stirs up feelings, and those feelings decide how much of themselves people bring. Notice them, name them and make room for them.',
    side: 'leadership',
    pair: 'motivation',
    source: 'lookAndSound',
    tags: ['feelings', 'emotion', 'care', 'morale'],
    prompts: [
      'How do you feel about the work right now, on a scale you choose?',
      'What would make you care more about this project?',
    ],
  },
  {
    id: 'recognize-patterns',
    title: 'Step back and look for patterns',
    summary: 'Managing looks close up; leading looks from high enough to see the pattern.',
    body: 'Management has to look closely at the details. Leadership looks from far enough away to notice patterns: the same problem in three teams, the same frustration in four 1:1s. Make time to look from up there.',
    side: 'leadership',
    source: 'lookAndSound',
    tags: ['patterns', 'perspective', 'big picture', 'insight'],
    prompts: [
      'What has come up in more than one 1:1 this month?',
      'Which recurring problem have you been solving one instance at a time?',
    ],
  },
  {
    id: 'who-do-we-serve',
    title: 'Ask “who do we serve?”',
    summary: 'Questions about whom the team serves lead to a vision; planning cannot.',
    body: 'A team that does not know whom it serves ends up serving no one, and everyone is unhappy with it. Asking who you serve brings in people, values and service, qualities that are hard to measure and that point to a direction.',
    side: 'leadership',
    pair: 'direction',
    source: 'lookAndSound',
    tags: ['vision', 'purpose', 'customers', 'direction'],
    prompts: [
      'Who do we serve, and what would they say about us today?',
      'If our users wrote our priorities, what would move to the top?',
    ],
  },
  {
    id: 'no-vision-by-planning',
    title: 'Do not plan your way to a vision',
    summary: 'Planning is a management tool; using it on a leadership problem ends in the weeds.',
    body: 'Teams often set out to work on vision and strategy and end up making detailed plans. That is a management tool applied to a leadership problem. Start with questions about purpose and people; plan once the direction is clear.',
    side: 'leadership',
    pair: 'direction',
    source: 'lookAndSound',
    tags: ['vision', 'planning', 'strategy', 'offsite'],
    prompts: [
      'In your next planning session, spend the first part on where, not how.',
      'Is this meeting deciding a direction or scheduling work toward one?',
    ],
  },
  {
    id: 'relationships-in-both',
    title: 'Relationship skills carry both hats',
    summary: 'Networks, persuasion, influence and emotional intelligence matter whichever hat you wear.',
    body: 'Leadership and management are separate, with separate reasons to exist, but they share one large set of skills: strong networks, the ability to persuade, influence and emotional intelligence. Neither hat works without them.',
    side: 'relationship',
    source: 'lookAndSound',
    tags: ['relationships', 'network', 'emotional intelligence', 'influence'],
    prompts: [
      'Whom outside your team have you not spoken to in a month, and should have?',
      'Which relationship would make next quarter easier if you invested in it now?',
    ],
  },
  {
    id: 'kindness-in-the-weeds',
    title: 'Remember to be kind in the weeds',
    summary: 'Deep in the details, relationship skills slip first; slow down on purpose.',
    body: 'When you are deep in complex work it is easy to forget to be kind. Relationship skills take more energy when you are managing, so slow down and spend it; the details will still be there.',
    side: 'relationship',
    source: 'lookAndSound',
    tags: ['kindness', 'stress', 'emotional intelligence', 'pace'],
    prompts: [
      'Reread your last three review comments or messages. How would they land on a bad day?',
      'Before the next hard conversation, decide what you want the person to feel afterwards.',
    ],
  },
  {
    id: 'which-side-of-the-room',
    title: 'Know which side of the room you are on',
    summary: 'Name the tool before you pick it up: a change problem or a complexity problem?',
    body: 'Separating leadership from management is useful mainly because it keeps you aware of where you are standing. A complexity problem wants management tools; a change problem wants leadership ones. Mixing them up wastes both.',
    side: 'relationship',
    source: 'lookAndSound',
    tags: ['self-awareness', 'hats', 'tools', 'reflection'],
    prompts: [
      'Is the problem in front of you about complexity or about change?',
      'Which hat did you wear in your last meeting, and was it the right one?',
    ],
  },

  // --- Management vs Leadership ---
  {
    id: 'management-is-the-baseline',
    title: 'Management is the baseline to build on',
    summary: 'Keep the trains running on time; leadership is what you add on top.',
    body: 'Processes, stock, machines and schedules need managing, and someone must do it well. Leadership does not replace that baseline; it builds on it by treating people as people rather than parts of the machine.',
    side: 'management',
    source: 'managementVsLeadership',
    tags: ['process', 'operations', 'baseline', 'reliability'],
    prompts: [
      'Which basic process is unreliable enough that it eats the team’s attention?',
      'What would “running on time” look like for this team?',
    ],
  },
  {
    id: 'lead-people-manage-things',
    title: 'Lead people, manage things',
    summary: 'Things want managing; people respond to being led.',
    body: 'Inventory, budgets and schedules are things: manage them. People are not: trying to manage a person the way you manage a supply cupboard gets the results you would expect. Notice which one you are dealing with.',
    side: 'leadership',
    source: 'managementVsLeadership',
    tags: ['people', 'things', 'respect'],
    prompts: [
      'Is there someone you have been treating like a resource to allocate?',
      'What would change if you asked them instead of assigning them?',
    ],
  },
  {
    id: 'targets-upgrade',
    title: 'Aim beyond the target',
    summary: 'Managers hit the target; leaders ask how to do far more with less.',
    body: 'A good manager lands at the top of the given target and guards against slipping back. A leader asks how results could change dramatically: using people’s strengths, developing skills, improving relationships with other teams, and borrowing ideas from other fields.',
    side: 'leadership',
    pair: 'direction',
    source: 'managementVsLeadership',
    tags: ['targets', 'KPIs', 'ambition', 'results'],
    prompts: [
      'What would we do differently if the goal were ten times bigger?',
      'Whose strengths are we not using at all?',
    ],
    quote: { text: 'Management is doing things right; leadership is doing the right things.', by: 'Peter Drucker' },
  },
  {
    id: 'influence-beyond-hierarchy',
    title: 'Lead down, across and up',
    summary: 'Leaders influence whoever the work needs, not only the people who report to them.',
    body: 'A manager knows the boundaries of the role: my team, my boss, my scope. A leader takes the freedom to influence whoever is needed (peers, other teams, customers, even their own manager) to get the right thing done.',
    side: 'relationship',
    source: 'managementVsLeadership',
    tags: ['influence', 'stakeholders', 'managing up', 'peers'],
    prompts: [
      'Whose support outside your reporting line does this work need?',
      'What idea should you be selling to your own manager?',
    ],
    quote: {
      text: 'Think twice before you speak, because your words and influence will plant the seed of either success or failure in the mind of another.',
      by: 'Napoleon Hill',
    },
  },
  {
    id: 'work-on-the-business',
    title: 'Work on the team, not only in it',
    summary: 'Managers work in the business; leaders also step back to work on it.',
    body: 'Focus and attention to detail are strengths. Leaders keep them and also step back to ask whether the work is needed at all, or whether a different approach would get there faster.',
    side: 'leadership',
    pair: 'direction',
    source: 'managementVsLeadership',
    tags: ['big picture', 'strategy', 'reflection', 'priorities'],
    prompts: [
      'Which piece of work would you stop if you looked at it fresh?',
      'When did you last spend an hour on how the team works rather than on what it works on?',
    ],
    quote: { text: 'Give me six hours to chop down a tree and I will spend the first four sharpening the axe.', by: 'Abraham Lincoln' },
  },
  {
    id: 'team-as-a-whole',
    title: 'Lead the team, not only the individuals',
    summary: 'Managers look after each person’s performance; leaders look after how the team works together.',
    body: 'Making sure each person performs is management. Leadership looks at the team as a whole: the right people in the right roles, relationships that make it more than the sum of its parts, and how it works with the rest of the organisation.',
    side: 'leadership',
    pair: 'alignment',
    source: 'managementVsLeadership',
    tags: ['team', 'roles', 'collaboration', 'relationships'],
    prompts: [
      'Which two people on the team would do better work if they worked together more?',
      'Is anyone in a role that fights their strengths?',
    ],
  },
  {
    id: 'give-a-cause',
    title: 'Give people a cause, not only a job',
    summary: 'Rewards and penalties keep people on track; a cause makes them want to go.',
    body: 'Managers balance reward and consequence. Leaders know people want more than money: they help each person find their own reason to do the work well, so that they do it because they want to.',
    side: 'leadership',
    pair: 'motivation',
    source: 'managementVsLeadership',
    tags: ['motivation', 'purpose', 'why', 'inspiration'],
    prompts: [
      'What is this person’s own reason to do this work well?',
      'How does this work connect to something they want for themselves?',
    ],
    quote: { text: 'Leadership is the art of getting someone else to do something you want done because he wants to do it.', by: 'Dwight Eisenhower' },
  },
  {
    id: 'vision-sold-and-staffed',
    title: 'Form a vision, sell it, and gather the people for it',
    summary: 'Cover this period’s basics, then take the long view and bring others with you.',
    body: 'Managers make sure this month or quarter lands. Leaders cover that too, then develop a vision, persuade others of it, and bring together the people who can make it real.',
    side: 'leadership',
    pair: 'direction',
    source: 'managementVsLeadership',
    tags: ['vision', 'long term', 'selling', 'team building'],
    prompts: [
      'Can you describe where this team is going in two sentences, without jargon?',
      'Who needs to hear that vision this week, and from you?',
    ],
    quote: {
      text: 'Leadership is having a compelling vision, a comprehensive plan, relentless implementation, and talented people working together.',
      by: 'Alan Mulally',
    },
  },
  {
    id: 'praise-fast-criticise-rarely',
    title: 'Praise quickly, criticise rarely, always face to face',
    summary: 'Give praise freely and specifically; save criticism for when it matters, and deliver it in person, with care.',
    body: 'Most of us default to either praising or criticising, and push the uncomfortable one into email. Leaders praise quickly and specifically, criticise only when it is needed, never dodge either, and always deliver it face to face, fitted to the person in front of them.',
    side: 'relationship',
    pair: 'motivation',
    source: 'managementVsLeadership',
    tags: ['feedback', 'praise', 'criticism', 'recognition'],
    prompts: [
      'What did this person do well recently that you have not told them about?',
      'Is there criticism you sent in writing that belonged in a conversation?',
    ],
    quote: { text: 'Once I did bad and that I heard ever. Twice I did good, but that I heard never.', by: 'Dale Carnegie' },
  },
  {
    id: 'communicate-with-emotion',
    title: 'Use story and feeling, not only facts',
    summary: 'Clear information informs; story and emotion move people to act.',
    body: 'Managers communicate clearly and without waffle. Leaders add emotion (humour, sadness, enthusiasm) and narrative, because people act on what moves them, not only on what informs them.',
    side: 'leadership',
    pair: 'motivation',
    source: 'managementVsLeadership',
    tags: ['communication', 'storytelling', 'presentation', 'emotion'],
    prompts: [
      'What story from a real user would make this priority obvious?',
      'Before your next announcement, decide what you want people to feel, not just know.',
    ],
    quote: { text: 'Wise men speak because they have something to say; fools because they have to say something.', by: 'Plato' },
  },
  {
    id: 'develop-beyond-the-role',
    title: 'Grow people beyond their current role',
    summary: 'Technical training keeps people sharp; broader growth changes what they can become.',
    body: 'Managers value training that makes people better at their job today. Leaders also encourage growth in people skills and areas outside the role, because relationships, attitude and breadth can matter more than technical knowledge.',
    side: 'leadership',
    pair: 'alignment',
    source: 'managementVsLeadership',
    tags: ['growth', 'career', 'development', 'learning'],
    prompts: [
      'What skill outside their job description would most change this person’s next year?',
      'What stretch could they try that you would support even if it went badly?',
    ],
    quote: { text: 'I am always doing that which I cannot do, in order that I may learn how to do it.', by: 'Pablo Picasso' },
  },
  {
    id: 'trust-by-letting-them-learn',
    title: 'Build a team you can trust by letting it learn',
    summary: 'Trust grows from letting people make their own mistakes and learn from them.',
    body: 'A manager trusts the team because the process is proven. A leader trusts the team because they built it to be trustworthy: they let people make mistakes and learn, and gave them room to depart from the process when they judged it necessary.',
    side: 'leadership',
    pair: 'alignment',
    source: 'managementVsLeadership',
    tags: ['trust', 'autonomy', 'mistakes', 'delegation'],
    prompts: [
      'Which decision could you leave to this person this week, even if they would decide differently?',
      'What did the team learn from its last mistake, and who learned it?',
    ],
    quote: { text: 'A leader is best when people barely know he exists… they will say: we did it ourselves.', by: 'Lao Tzu' },
  },
  {
    id: 'culture-by-example',
    title: 'Shape the culture on purpose',
    summary: 'Morale is today’s mood; culture is what you build deliberately, by example.',
    body: 'Managers look after the team’s mood. Leaders look beyond it and shape a culture on purpose, by their own example, because culture quietly decides which behaviours are expected and which are not tolerated.',
    side: 'leadership',
    pair: 'alignment',
    source: 'managementVsLeadership',
    tags: ['culture', 'values', 'example', 'norms'],
    prompts: [
      'What behaviour does the team tolerate that the culture you want would not?',
      'What did you reward this week, and what does that teach?',
    ],
    quote: { text: 'Culture eats strategy for breakfast.', by: 'Peter Drucker' },
  },
  {
    id: 'risk-worth-taking',
    title: 'Take the risks worth taking',
    summary: 'Managers remove risk; leaders take some on purpose, for the result and for the lesson.',
    body: 'Eliminating risk is a core management skill. Leaders hold a more nuanced view: some results need risk, a failed attempt still teaches, and a team that never risks anything never learns what it could do.',
    side: 'leadership',
    source: 'managementVsLeadership',
    tags: ['risk', 'experiment', 'failure', 'learning'],
    prompts: [
      'What small, safe-to-fail experiment could the team try this month?',
      'Which risk are you avoiding because of how it would look, not because of what it would cost?',
    ],
    quote: { text: 'If the highest aim of a captain were to preserve his ship, he would keep it in port forever.', by: 'Thomas Aquinas' },
  },

  // --- The Difference between Management and Leadership ---
  {
    id: 'followers-not-reports',
    title: 'Leaders have followers; managers have reports',
    summary: 'Management gets set objectives done through others; leadership gets people to want to.',
    body: 'Management accomplishes set objectives through other people. Leadership gets people to do willingly what needs doing. The test is simple and uncomfortable: who would follow you if they did not have to?',
    side: 'leadership',
    pair: 'motivation',
    source: 'difference',
    tags: ['followers', 'willingness', 'authority'],
    prompts: [
      'Why should someone follow you up the hill? Answer honestly.',
      'Which of your requests would people drop the moment you stopped checking?',
    ],
  },
  {
    id: 'why-follow-you',
    title: 'People follow when your direction meets theirs',
    summary: 'People go with you when your goals and values line up with their own.',
    body: 'People follow a leader when the direction, goals and values on offer fit their own, and when going your way also takes them where they want to go. Find out where each person wants to go.',
    side: 'leadership',
    pair: 'alignment',
    source: 'difference',
    tags: ['alignment', 'goals', 'career', 'values'],
    prompts: [
      'Where does this person want to be in two years?',
      'How does the team’s direction help them get there, and where does it not?',
    ],
  },
  {
    id: 'trust-bank-account',
    title: 'Trust is a bank account',
    summary: 'Every kept promise is a deposit; every broken one a withdrawal. Check the balance.',
    body: 'Whether people follow you comes down to how much they trust you. Trust builds like a bank balance: kept promises, honesty and care are deposits; broken promises and surprises are withdrawals. A manager living on positional power alone is overdrawn.',
    side: 'relationship',
    source: 'difference',
    tags: ['trust', 'promises', 'credibility', 'reliability'],
    prompts: [
      'What did you promise this person last time, and did you keep it?',
      'What withdrawal from trust do you owe someone an apology for?',
    ],
  },
  {
    id: 'peter-principle',
    title: 'Do not stall where your technical skill took you',
    summary: 'The Peter Principle: promoted for expertise, stuck by not learning the new job.',
    body: 'People are promoted for being good at the work, until they reach a role that needs something else. The move to leading people needs a new skill set, people skills first, and those who treat it as more of the old job stall there.',
    side: 'relationship',
    source: 'difference',
    tags: ['Peter Principle', 'career', 'new manager', 'people skills'],
    prompts: [
      'How much of last week did you spend on work only an engineer could do, and how much on work only a lead could do?',
      'Which people skill would you most like to be good at by next year?',
    ],
  },
  {
    id: 'let-go-and-delegate',
    title: 'Let go of the details and delegate the technical work',
    summary: 'Those who cannot hand over the technical work stall; hand it over well.',
    body: 'Your technical background is the foundation, no longer the job. Most of your responsibilities are now carried out by people working for you. Holding on to the details keeps them from growing and keeps you from your new work.',
    side: 'management',
    pair: 'alignment',
    source: 'difference',
    tags: ['delegation', 'letting go', 'technical work', 'bottleneck'],
    prompts: [
      'What technical task did you do this week that someone on the team could have done?',
      'Who would grow the most from owning it?',
    ],
  },

  // --- 3 Ways Leadership and Management Are Totally Different ---
  {
    id: 'set-direction',
    title: 'Set direction, then repeat it',
    summary: 'Leadership points at what matters most, decides it, and says it again and again.',
    body: 'The first job of leadership is to point at what matters most: what the team will become and roughly how. Strategy, product, targets and culture are all direction decisions, and they only work if they are communicated well, and repeatedly.',
    side: 'leadership',
    pair: 'direction',
    source: 'threeWays',
    tags: ['direction', 'strategy', 'priorities', 'Kotter'],
    prompts: [
      'What matters most for this team this quarter? Would your reports give the same answer?',
      'Where will you repeat that direction this week?',
    ],
    quote: {
      text: 'The most important role of a leader is to set a clear direction, be transparent about how to get there, and to stay the course.',
      by: 'Irene Rosenfeld',
    },
  },
  {
    id: 'plan-and-budget',
    title: 'Plan and budget toward the direction',
    summary: 'Management turns a direction into steps, resources and dates.',
    body: 'Once a direction is set, planning and budgeting make it executable: the exact steps, resources and timing. It is coordination work, and it is only as good as the direction it serves.',
    side: 'management',
    pair: 'direction',
    source: 'threeWays',
    tags: ['planning', 'budget', 'roadmap', 'execution', 'Kotter'],
    prompts: [
      'What is the next concrete step, who owns it, and by when?',
      'Which resource constraint will bite first?',
    ],
    quote: { text: 'Leadership and management are two distinctive and complementary systems of action.', by: 'John P. Kotter' },
  },
  {
    id: 'planning-is-not-direction',
    title: 'Strategic planning is not setting direction',
    summary: 'Teams often plan in detail toward a place nobody has defined.',
    body: 'Under the banner of strategic planning, the talk is often entirely about execution, what the team wants to do, while the direction is overlooked or assumed. Make separate time for deciding where, and for planning how.',
    side: 'leadership',
    pair: 'direction',
    source: 'threeWays',
    tags: ['planning', 'strategy', 'annual planning', 'offsite'],
    prompts: [
      'Has anyone stated where this plan is meant to take us?',
      'Split your next planning meeting: direction first, plan second.',
    ],
  },
  {
    id: 'align-by-repetition',
    title: 'You are under-communicating: repeat',
    summary: 'Leaders assume others know what they know. They do not; repetition is the answer.',
    body: 'Most leaders under-communicate because of social projection: they assume others hold the same beliefs and information they do. They do not. What is on your mind should be on theirs, and the way to get it there is repetition, and shared scoreboards.',
    side: 'leadership',
    pair: 'alignment',
    source: 'threeWays',
    tags: ['communication', 'alignment', 'repetition', 'social projection'],
    prompts: [
      'What do you know about the team’s direction that they might not?',
      'Ask: what do you think our top priority is right now? Listen before you correct.',
    ],
  },
  {
    id: 'organize-and-staff',
    title: 'Organise and staff: right people, right seats',
    summary: 'Managers fit people to jobs with systems, processes and trade-offs.',
    body: 'Organising and staffing means coordinating people, money, equipment and partners so the tactical goals can be met. It is a design problem: systems, processes and trade-offs, with the right people in the right seats.',
    side: 'management',
    pair: 'alignment',
    source: 'threeWays',
    tags: ['staffing', 'organisation', 'roles', 'hiring', 'Kotter'],
    prompts: [
      'Which seat on the team is empty, or filled by the wrong shape of person?',
      'What process would make this handover predictable?',
    ],
  },
  {
    id: 'make-change-attractive',
    title: 'Make change attractive',
    summary: 'Change is hard; leaders inspire people toward a better future, and mean it.',
    body: 'Letting go of the status quo is hard, whether or not it works. Leaders make change attractive by describing a better future, repeatedly. There is a fine line between hollow cheerleading and real inspiration; stay on the right side of it.',
    side: 'leadership',
    pair: 'motivation',
    source: 'threeWays',
    tags: ['change', 'inspiration', 'motivation', 'vision'],
    prompts: [
      'What will be better for this person once the change lands?',
      'Does your enthusiasm come with reasons, or only with energy?',
    ],
    quote: { text: 'There are only two ways to influence human behavior: you can manipulate it or you can inspire it.', by: 'Simon Sinek' },
  },
  {
    id: 'control-and-solve',
    title: 'Control the plan and solve the problems',
    summary: 'Managers watch for deviations, correct course and solve what comes up.',
    body: 'Managers oversee how change is carried out: sticking to the plan, spotting deviations early, correcting course, and building systems that make outcomes predictable and problems visible.',
    side: 'management',
    pair: 'motivation',
    source: 'threeWays',
    tags: ['control', 'problem solving', 'metrics', 'deviation', 'Kotter'],
    prompts: [
      'What early signal would tell you this is going off plan?',
      'Which problem is coming back because its cause was never fixed?',
    ],
  },
  {
    id: 'know-which-hat',
    title: 'Know which hat you are wearing',
    summary: 'When you must do both, be aware of which role you are in at each moment.',
    body: 'In a small or fast-growing team you will often wear both hats. Then be clear which one you have on: in a planning meeting, focus on details and coordination; when leading, talk about vision, direction and the need for change. Do not preach vision in a prioritisation meeting, or walk the whole company through a detailed plan.',
    side: 'relationship',
    source: 'threeWays',
    tags: ['hats', 'role', 'self-awareness', 'balance'],
    prompts: [
      'Which hat does your next meeting need?',
      'Did you switch hats halfway through your last meeting without saying so?',
    ],
    quote: { text: 'Focus on being balanced — success is balance.', by: 'Laila Ali' },
  },
  {
    id: 'rate-both-separately',
    title: 'Rate managing and leading separately',
    summary: 'Someone can manage well and lead poorly; judge and coach each on its own.',
    body: 'A person may plan and execute well while setting targets too low. Separating their performance as a manager from their performance as a leader makes coaching precise instead of vague disappointment.',
    side: 'management',
    source: 'threeWays',
    tags: ['performance', 'review', 'coaching', 'assessment'],
    prompts: [
      'For this person: how well do they manage? How well do they lead? Answer each on its own.',
      'What would you coach first in the weaker of the two?',
    ],
  },
  {
    id: 'visionary-and-integrator',
    title: 'Pair your strength with its opposite',
    summary: 'Know whether you are the visionary or the integrator, and keep the other close.',
    body: 'Few people are strong at both leading and managing. Know which is your stronger suit, and make sure someone on the team complements it, the visionary and integrator pairing. And check that your “leadership development” is not quietly producing only managers.',
    side: 'relationship',
    source: 'threeWays',
    tags: ['visionary', 'integrator', 'team design', 'strengths'],
    prompts: [
      'Are you more visionary or more integrator? Who on the team is your opposite?',
      'Are you growing future leaders, or only future managers?',
    ],
  },
] as const satisfies readonly PrincipleEntry[];

/** Every principle's id, known to the compiler. */
export type PrincipleId = (typeof CATALOGUE)[number]['id'];

export const PRINCIPLES: readonly Principle[] = CATALOGUE;

/** Looks up an id from outside the code (the webview, a command argument); unknown ids give undefined. */
export function findPrinciple(id: string): Principle | undefined {
  return PRINCIPLES.find((p) => p.id === id);
}

/** Narrows a string from outside the code to a principle id. */
export function isPrincipleId(id: string): id is PrincipleId {
  return findPrinciple(id) !== undefined;
}
