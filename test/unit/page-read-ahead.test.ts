import { describe, expect, it } from 'vitest'
import { PageReadAhead, type PageInProgress } from '../../main/providers/page-read-ahead'

/** Pages of a walk 0 → 1 → 2 → end, each answered when the test says: the cursor first, then the page. */
function walkOfThree() {
  const started: (string | null)[] = []
  const answers = new Map<
    string | null,
    { next: (cursor: string | null) => void; page: (value: string) => void; fail: (error: Error) => void }
  >()
  const readAhead = new PageReadAhead<string>((cursor): PageInProgress<string> => {
    started.push(cursor)
    let next!: (cursor: string | null) => void
    let page!: (value: string) => void
    let fail!: (error: Error) => void
    const progress = {
      next: new Promise<string | null>((resolve) => (next = resolve)),
      page: new Promise<string>((resolve, reject) => ((page = resolve), (fail = reject)))
    }
    answers.set(cursor, { next, page, fail })
    return progress
  })
  return { readAhead, started, answer: (cursor: string | null) => answers.get(cursor)! }
}

const turns = async (): Promise<void> => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve()
}

describe('reading a walk one page ahead', () => {
  it('starts the next page as soon as its cursor is known, and hands it over when asked', async () => {
    const { readAhead, started, answer } = walkOfThree()
    const first = readAhead.fetch(null)
    answer(null).next('1')
    await turns()
    // Page 1 is on its way while page 0 is still being fetched.
    expect(started).toEqual([null, '1'])
    answer(null).page('page 0')
    expect(await first).toBe('page 0')
    const second = readAhead.fetch('1')
    answer('1').next('2')
    await turns()
    expect(started).toEqual([null, '1', '2'])
    answer('1').page('page 1')
    expect(await second).toBe('page 1')
  })

  it('keeps at most one page ahead: a page read ahead does not read ahead itself', async () => {
    const { readAhead, started, answer } = walkOfThree()
    void readAhead.fetch(null)
    answer(null).next('1')
    await turns()
    answer('1').next('2')
    await turns()
    expect(started).toEqual([null, '1'])
  })

  it('stops at the end of the walk', async () => {
    const { readAhead, started, answer } = walkOfThree()
    void readAhead.fetch('2')
    answer('2').next(null)
    await turns()
    expect(started).toEqual(['2'])
  })

  it('fetches afresh a page other than the one read ahead, or one for another walk', async () => {
    const { readAhead, started, answer } = walkOfThree()
    void readAhead.fetch(null)
    answer(null).next('1')
    await turns()
    void readAhead.fetch('2')
    expect(started).toEqual([null, '1', '2'])
    answer('2').next(null)
    await turns()
    const walk = new AbortController()
    void readAhead.fetch(null, walk.signal)
    answer(null).next('1')
    await turns()
    void readAhead.fetch('1')
    expect(started).toEqual([null, '1', '2', null, '1', '1'])
  })

  it('reads nothing ahead for a cancelled walk, and a page read ahead that fails is reported only to whoever asks for it', async () => {
    const { readAhead, started, answer } = walkOfThree()
    const walk = new AbortController()
    void readAhead.fetch(null, walk.signal)
    walk.abort()
    answer(null).next('1')
    await turns()
    expect(started).toEqual([null])

    void readAhead.fetch(null)
    answer(null).next('1')
    await turns()
    answer('1').fail(new Error('page 1 failed'))
    await turns()
    await expect(readAhead.fetch('1')).rejects.toThrow('page 1 failed')
  })
})
