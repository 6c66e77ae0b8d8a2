import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  loadProgress,
  markVisited,
  migrateProgress,
  progressKey,
  recordAnswer,
  resetProgress,
  saveProgress,
  summarizeProgress,
  emptyProgress,
  type ProgressStorage,
} from '../../../src/lib/content/progress'

/** Web Storage over a Map: what localStorage does, with the keys on view. */
function memoryStorage(initial: Record<string, string> = {}): ProgressStorage & { keys: () => string[] } {
  const items = new Map(Object.entries(initial))
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    keys: () => [...items.keys()],
  }
}

/** Storage the browser refuses (switched off, or a sandboxed frame): every call throws. */
const refusingStorage: ProgressStorage = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError')
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError')
  },
  removeItem: () => {
    throw new DOMException('denied', 'SecurityError')
  },
}

describe('lesson progress in storage', () => {
  it('a first visit starts empty with nothing to complain about', () => {
    expect(loadProgress(memoryStorage())).toEqual({ progress: { visited: [], answers: {} } })
  })

  it('steps opened and answers picked survive a save and a load, under the one versioned key', () => {
    const storage = memoryStorage()
    let progress = markVisited(emptyProgress(), 'revocation')
    progress = markVisited(progress, 'plain-ocsp')
    progress = markVisited(progress, 'revocation')
    progress = recordAnswer(progress, 'plain-ocsp', 1, 2)
    expect(saveProgress(storage, progress)).toBeUndefined()
    expect(storage.keys()).toEqual([progressKey])
    expect(JSON.parse(storage.getItem(progressKey)!)).toEqual({
      version: 1,
      visited: ['revocation', 'plain-ocsp'],
      answers: { 'plain-ocsp#1': 2 },
    })
    expect(loadProgress(storage).progress).toEqual(progress)
  })

  it('a later answer to the same question replaces the earlier one', () => {
    const progress = recordAnswer(recordAnswer(emptyProgress(), 'privacy', 0, 1), 'privacy', 0, 0)
    expect(progress.answers).toEqual({ 'privacy#0': 0 })
  })

  it('reset removes the key, so the next load starts empty', () => {
    const storage = memoryStorage()
    saveProgress(storage, markVisited(emptyProgress(), 'stapling'))
    expect(resetProgress(storage)).toBeUndefined()
    expect(storage.keys()).toEqual([])
    expect(loadProgress(storage).progress).toEqual(emptyProgress())
  })

  it('text that is not JSON, or not ours, starts afresh and says why', () => {
    expect(loadProgress(memoryStorage({ [progressKey]: '{oops' })).problem?.code).toBe('unreadable')
    expect(loadProgress(memoryStorage({ [progressKey]: '[1,2]' })).problem?.code).toBe('unreadable')
  })

  it('progress saved by a newer app is not guessed at', () => {
    const stored = JSON.stringify({ version: 2, visited: ['stapling'], answers: {} })
    const loaded = loadProgress(memoryStorage({ [progressKey]: stored }))
    expect(loaded.progress).toEqual(emptyProgress())
    expect(loaded.problem).toEqual({ code: 'newer-version', message: expect.stringContaining('version 2') })
  })

  it('version 1 keeps the entries it understands and drops the rest', () => {
    const migrated = migrateProgress({
      version: 1,
      visited: ['stapling', 'stapling', 42, '<img src=x>', 'must-staple'],
      answers: { 'stapling#0': 1, 'stapling#1': -1, 'stapling#2': 1.5, 'no hash': 1, 'must-staple#3': '2' },
    })
    expect(migrated).toEqual({
      ok: true,
      progress: { visited: ['stapling', 'must-staple'], answers: { 'stapling#0': 1 } },
    })
  })

  it('a browser that refuses storage costs the learner their progress, not the page', () => {
    expect(loadProgress(refusingStorage).problem?.code).toBe('unavailable')
    expect(saveProgress(refusingStorage, emptyProgress())?.code).toBe('not-saved')
    expect(resetProgress(refusingStorage)?.code).toBe('unavailable')
    expect(loadProgress(undefined).problem?.code).toBe('unavailable')
  })

  it('whatever text is stored under the key, loading returns progress and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const { progress } = loadProgress(memoryStorage({ [progressKey]: text }))
        expect(Array.isArray(progress.visited)).toBe(true)
        expect(
          Object.values(progress.answers).every((choice) => Number.isInteger(choice) && choice >= 0),
        ).toBe(true)
      }),
    )
  })
})

describe('summarizeProgress', () => {
  const lessons = [
    { slug: 'revocation', quiz: [[{ correct: false }, { correct: true }]] },
    {
      slug: 'plain-ocsp',
      quiz: [
        [{ correct: true }, { correct: false }],
        [{ correct: false }, { correct: true }],
      ],
    },
    { slug: 'privacy', quiz: [] },
  ]

  it('counts steps opened and questions answered and answered right, against the lesson as it is now', () => {
    let progress = markVisited(
      markVisited(markVisited(emptyProgress(), 'revocation'), 'privacy'),
      'renamed-step',
    )
    progress = recordAnswer(progress, 'revocation', 0, 1)
    progress = recordAnswer(progress, 'plain-ocsp', 1, 0)
    progress = recordAnswer(progress, 'plain-ocsp', 0, 7)
    expect(summarizeProgress(progress, lessons)).toEqual({
      visitedSteps: 2,
      steps: 3,
      answered: 2,
      answeredRight: 1,
      questions: 3,
    })
  })
})
