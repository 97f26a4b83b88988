export interface ShareTarget {
  title: string
  /** The page path with its query, e.g. /packages/jobs/pages/detail/index?id=3 */
  path: string
}
