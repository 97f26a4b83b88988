/**
 * The word split both searches share (searchTerms): the worker's gram search and the staff list's word search must
 * read the same words out of the same `q`, or a posting one finds the other misses.
 */
import { likePattern, planSearch, planWordSearch, searchTerms } from './job-search'

test('words split on spaces of either width, place suffix dropped, ASCII lower-cased, each once', () => {
  expect(searchTerms('广东省\u3000电子厂  ABC\t普工')).toEqual(['广东', '电子厂', 'abc', '普工'])
  // Both spellings of a place are one word once stemmed, and so are the two cases of a word.
  expect(searchTerms('新疆维吾尔自治区\u3000新疆 Abc abc')).toEqual(['新疆', 'abc'])
  // A suffix that would leave one character is part of the word: 超市 is not a place.
  expect(searchTerms('超市 市')).toEqual(['超市', '市'])
  expect(searchTerms(' \u3000 ')).toEqual([])
})

test('the worker search and the staff search look for the same words', () => {
  const q = '香港特别行政区\u3000焊工 焊工 Ab'
  expect(planWordSearch(q)?.patterns).toEqual(searchTerms(q).map(likePattern))
  expect(searchTerms(q)).toEqual(['香港', '焊工', 'ab'])
  // Every word is 2 characters: the grams alone answer them, one gram per word.
  expect(planSearch(q)).toEqual({ grams: ['香港', '焊工', 'ab'], confirms: [], impossible: false })
  expect(planSearch('\u3000')).toBeNull()
  expect(planWordSearch('\u3000')).toBeNull()
})
