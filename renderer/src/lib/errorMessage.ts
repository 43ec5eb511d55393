import { IpcError } from './ipc'

/** Main writes IpcError messages for people; anything else is a renderer bug, so it stays generic. */
export function errorMessage(error: unknown): string {
  if (error instanceof IpcError) return error.message
  return 'Something went wrong in this window. Try again, or restart Quire if it keeps happening.'
}
