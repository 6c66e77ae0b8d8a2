/**
 * The learner's lesson progress as reactive state, kept in localStorage (src/lib/content/progress.ts
 * says exactly what is stored). One instance per page: the learn view reads and writes it.
 */
import {
  answerKey,
  emptyProgress,
  loadProgress,
  markVisited,
  recordAnswer,
  resetProgress,
  saveProgress,
  type LessonProgress,
  type ProgressProblem,
  type ProgressStorage,
} from '../../lib/content/progress.ts'

/** localStorage, or nothing when the browser refuses it (reading the property itself can throw). */
function browserStorage(): ProgressStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined
  } catch {
    return undefined
  }
}

export class LessonProgressState {
  progress: LessonProgress = $state(emptyProgress())
  problem: ProgressProblem | undefined = $state()
  readonly #storage: ProgressStorage | undefined

  constructor(storage: ProgressStorage | undefined = browserStorage()) {
    this.#storage = storage
    const loaded = loadProgress(storage)
    this.progress = loaded.progress
    this.problem = loaded.problem
  }

  visit(slug: string): void {
    const next = markVisited(this.progress, slug)
    if (next !== this.progress) this.#save(next)
  }

  /** The answer picked earlier for a question, if it still names one of its choices. */
  picked(slug: string, question: number, choices: number): number | null {
    const choice = this.progress.answers[answerKey(slug, question)]
    return choice !== undefined && choice < choices ? choice : null
  }

  answer(slug: string, question: number, choice: number): void {
    this.#save(recordAnswer(this.progress, slug, question, choice))
  }

  reset(): void {
    this.problem = resetProgress(this.#storage)
    this.progress = emptyProgress()
  }

  #save(next: LessonProgress): void {
    this.progress = next
    this.problem = saveProgress(this.#storage, next)
  }
}
