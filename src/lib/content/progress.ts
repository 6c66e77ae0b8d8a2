/**
 * What the lesson remembers for a learner, in the browser's localStorage under one key: which steps
 * they opened and which answer they picked for each quiz question. Nothing else is kept (no time,
 * no scenario, no identifier), and nothing is ever sent anywhere: the page may not connect out.
 *
 * The stored text is versioned, so a later schema can read an older one (migrateProgress) instead
 * of throwing the learner's progress away. The storage is passed in: the browser's localStorage in
 * the page, a Map-backed object in the tests.
 */

/** The one key the app writes. */
export const progressKey = 'staple-lab:lesson-progress'

/** The schema the app writes now. */
export const progressVersion = 1

/** The part of the Web Storage API (localStorage) the lesson uses. */
export interface ProgressStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export interface LessonProgress {
  /** Lesson slugs (the file name without its number: "plain-ocsp"), in the order first opened. */
  visited: string[]
  /** The picked choice, by question: "plain-ocsp#0" -> 2 (the first question's third answer). */
  answers: Record<string, number>
}

/** Why the stored progress could not be used (the learner starts afresh; the page says so). */
export type ProgressProblemCode = 'unavailable' | 'unreadable' | 'newer-version' | 'not-saved'

export interface ProgressProblem {
  code: ProgressProblemCode
  message: string
}

export type ProgressLoad = { progress: LessonProgress; problem?: ProgressProblem }

export function emptyProgress(): LessonProgress {
  return { visited: [], answers: {} }
}

/** The key of one quiz question: the lesson's slug and the question's place in it. */
export function answerKey(slug: string, question: number): string {
  return `${slug}#${question}`
}

const slugPattern = /^[a-z0-9-]{1,64}$/
const answerKeyPattern = /^([a-z0-9-]{1,64})#(\d{1,3})$/

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Version 1: { version: 1, visited: string[], answers: { "slug#n": choice } }; bad entries are dropped. */
function readVersion1(stored: Record<string, unknown>): LessonProgress {
  const visited = Array.isArray(stored.visited)
    ? [
        ...new Set(
          stored.visited.filter((slug): slug is string => typeof slug === 'string' && slugPattern.test(slug)),
        ),
      ]
    : []
  const answers: Record<string, number> = {}
  if (isRecord(stored.answers)) {
    for (const [key, choice] of Object.entries(stored.answers)) {
      if (
        answerKeyPattern.test(key) &&
        Number.isInteger(choice) &&
        (choice as number) >= 0 &&
        (choice as number) < 100
      ) {
        answers[key] = choice as number
      }
    }
  }
  return { visited, answers }
}

/**
 * Stored JSON of any version this app knows, as today's progress. A version from a newer app is
 * not guessed at (its meaning may have changed): the learner starts afresh and is told why.
 */
export function migrateProgress(
  stored: unknown,
): { ok: true; progress: LessonProgress } | { ok: false; problem: ProgressProblem } {
  if (!isRecord(stored) || !Number.isInteger(stored.version)) {
    return {
      ok: false,
      problem: { code: 'unreadable', message: 'The saved lesson progress is not in a form this page knows.' },
    }
  }
  const version = stored.version as number
  if (version === 1) return { ok: true, progress: readVersion1(stored) }
  if (version > progressVersion) {
    return {
      ok: false,
      problem: {
        code: 'newer-version',
        message: `The saved lesson progress is from a newer Staple Lab (version ${version}).`,
      },
    }
  }
  return {
    ok: false,
    problem: {
      code: 'unreadable',
      message: `The saved lesson progress has an unknown version (${version}).`,
    },
  }
}

/** The learner's progress, or an empty one with the reason when there is none to read. */
export function loadProgress(storage: ProgressStorage | undefined): ProgressLoad {
  let text: string | null
  try {
    if (!storage) throw new Error('no storage')
    text = storage.getItem(progressKey)
  } catch {
    // Storage can be switched off, or refused to a sandboxed frame (a SecurityError on access).
    return {
      progress: emptyProgress(),
      problem: { code: 'unavailable', message: 'This browser does not let the page keep your progress.' },
    }
  }
  if (text === null) return { progress: emptyProgress() }
  let stored: unknown
  try {
    stored = JSON.parse(text)
  } catch {
    return {
      progress: emptyProgress(),
      problem: { code: 'unreadable', message: 'The saved lesson progress is not valid JSON.' },
    }
  }
  const migrated = migrateProgress(stored)
  return migrated.ok
    ? { progress: migrated.progress }
    : { progress: emptyProgress(), problem: migrated.problem }
}

/** Writes the progress in today's schema; a refusal (storage full or off) is a problem, not a crash. */
export function saveProgress(
  storage: ProgressStorage | undefined,
  progress: LessonProgress,
): ProgressProblem | undefined {
  try {
    if (!storage) throw new Error('no storage')
    storage.setItem(
      progressKey,
      JSON.stringify({ version: progressVersion, visited: progress.visited, answers: progress.answers }),
    )
    return undefined
  } catch {
    return { code: 'not-saved', message: 'Your progress could not be saved in this browser.' }
  }
}

/** Forgets everything the lesson kept: the one key is removed. */
export function resetProgress(storage: ProgressStorage | undefined): ProgressProblem | undefined {
  try {
    storage?.removeItem(progressKey)
    return undefined
  } catch {
    return { code: 'unavailable', message: 'This browser does not let the page change its saved progress.' }
  }
}

export function markVisited(progress: LessonProgress, slug: string): LessonProgress {
  return progress.visited.includes(slug) ? progress : { ...progress, visited: [...progress.visited, slug] }
}

export function recordAnswer(
  progress: LessonProgress,
  slug: string,
  question: number,
  choice: number,
): LessonProgress {
  return { ...progress, answers: { ...progress.answers, [answerKey(slug, question)]: choice } }
}

/** How far the learner is, counted against the lesson as it is now (steps may have been renamed). */
export interface ProgressSummary {
  visitedSteps: number
  steps: number
  answered: number
  answeredRight: number
  questions: number
}

export interface LessonOutline {
  slug: string
  /** For each quiz question, which choices are right. */
  quiz: { correct: boolean }[][]
}

export function summarizeProgress(progress: LessonProgress, lessons: LessonOutline[]): ProgressSummary {
  const summary: ProgressSummary = {
    visitedSteps: 0,
    steps: lessons.length,
    answered: 0,
    answeredRight: 0,
    questions: 0,
  }
  for (const lesson of lessons) {
    if (progress.visited.includes(lesson.slug)) summary.visitedSteps++
    lesson.quiz.forEach((choices, question) => {
      summary.questions++
      const picked = progress.answers[answerKey(lesson.slug, question)]
      if (picked === undefined || picked >= choices.length) return
      summary.answered++
      if (choices[picked]!.correct) summary.answeredRight++
    })
  }
  return summary
}
