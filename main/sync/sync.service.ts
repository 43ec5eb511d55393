import type { SyncOutcome } from '../../preload/contract'
import type { AccountRecord } from '../db/accounts.repo'
import { syncSummaryFields } from './sync-summary'
import { syncAccount, type AccountSyncDeps, type SyncOptions } from './account-sync'
import type { AccountsService } from '../services/accounts.service'

/** Runs account syncs in parallel; a second request for an account already syncing joins it. */
export class SyncService {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<SyncOutcome> }>()

  constructor(
    private readonly deps: AccountSyncDeps,
    private readonly accounts: AccountsService
  ) {}

  async run(accountId?: string, options: SyncOptions = {}): Promise<SyncOutcome[]> {
    const targets = accountId ? [this.accounts.get(accountId)] : this.accounts.list()
    return Promise.all(targets.map((account) => this.runOne(account, options)))
  }

  cancel(): number {
    for (const { controller } of this.running.values()) controller.abort()
    return this.running.size
  }

  private runOne(account: AccountRecord, options: SyncOptions): Promise<SyncOutcome> {
    const existing = this.running.get(account.id)
    if (existing) return existing.done
    const controller = new AbortController()
    const started = this.deps.clock.now().getTime()
    const done = syncAccount(this.deps, account, () => this.accounts.connect(account), controller.signal, options)
      .then(async (outcome) => {
        const summary = syncSummaryFields(outcome, account.provider, this.deps.clock.now().getTime() - started)
        if (outcome.ok) this.deps.log.info('sync finished', summary)
        else this.deps.log.warn('sync failed', summary)
        // Inside the run, so joins and `settle` wait for follow-up work (view sessions) too.
        if (outcome.ok) await this.deps.domain.emit('account.synced', { accountId: account.id, signal: controller.signal })
        return outcome
      })
      .finally(() => this.running.delete(account.id))
    this.running.set(account.id, { controller, done })
    return done
  }

  /** Lets a shutdown wait for in-flight transactions to settle before the database closes. */
  async settle(): Promise<void> {
    this.cancel()
    await Promise.allSettled([...this.running.values()].map((run) => run.done))
  }
}
