import type { DuplicateGroup } from '../../preload/contract'
import { isoNow, type Clock } from '../base/clock'
import { AppError } from '../base/errors'
import type { DuplicatesRepo } from './duplicates.repo'
import { groupDuplicates } from './group-duplicates'

/** Likely duplicates for review; "not duplicates" is remembered per exact set of invoices. Nothing is merged or hidden. */
export class DuplicatesService {
  constructor(
    private readonly repo: DuplicatesRepo,
    private readonly clock: Clock
  ) {}

  list(): { groups: DuplicateGroup[]; dismissed: number } {
    const dismissed = this.repo.dismissed()
    const all = groupDuplicates(this.repo.candidates())
    const groups = all.filter((group) => !dismissed.has(group.key))
    return { groups, dismissed: all.length - groups.length }
  }

  dismiss(key: string): void {
    if (!groupDuplicates(this.repo.candidates()).some((group) => group.key === key)) {
      throw new AppError('NOT_FOUND', 'That group of likely duplicates no longer exists (a sync changed it). Look at the list again.')
    }
    this.repo.dismiss(key, isoNow(this.clock))
  }
}
