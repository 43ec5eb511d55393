import type { Page } from '@playwright/test'
import type { MethodInput, MethodName, MethodOutput, Result } from '../../../preload/contract'

/** Calls the contract from inside the page, through whatever bridge the page has (shim or preload). */
export async function invokeInPage<M extends MethodName>(page: Page, method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
  return page.evaluate(
    ([m, i]) => (globalThis as unknown as { quire: { invoke(m: unknown, i: unknown): Promise<unknown> } }).quire.invoke(m, i),
    [method, input] as const
  ) as Promise<Result<MethodOutput<M>>>
}
