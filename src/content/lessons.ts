/**
 * The lesson, in order: every src/content/lessons/NN-slug.md file, parsed at build time.
 * A file that does not parse becomes an error entry, shown in the page and failed by `npm test`.
 */
import { parseLesson, type LessonResult } from '../lib/content/lesson.ts'

const files = import.meta.glob<string>('./lessons/[0-9]*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
})

export const lessons: LessonResult[] = Object.keys(files)
  .sort()
  .map((path) => parseLesson(path.replace(/^.*\/(\d+-)?|\.md$/g, ''), files[path]!))
