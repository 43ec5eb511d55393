import type { Page } from '@playwright/test'
import type { MethodInput, MethodName, MethodOutput, Result } from '../../../preload/contract'

/** Calls the contract from inside the page, through whatever bridge the page has (shim or preload). */
export async function invokeInPage<M extends MethodName>(page: Page, method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
  return page.evaluate(
    ([m, i]) => (globalThis as unknown as { quire: { invoke(m: unknown, i: unknown): Promise<unknown> } }).quire.invoke(m, i),
    [method, input] as const
  ) as Promise<Result<MethodOutput<M>>>
}

/** `invokeInPage` for a call the test needs to succeed: its value, or the error's message thrown. */
export async function invokeOk<M extends MethodName>(page: Page, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await invokeInPage(page, method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
  return result.value
}
