import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { shortAccountNames } from '../lib/shortAccountNames'

const ShortNamesContext = createContext<ReadonlyMap<string, string>>(new Map())

/** Works out, once per list of accounts, what each account name can be shortened to. */
export function AccountNamesProvider({ names, children }: { names: readonly string[]; children: ReactNode }) {
  const key = names.join('\n')
  const short = useMemo(() => shortAccountNames(names), [key])
  return <ShortNamesContext.Provider value={short}>{children}</ShortNamesContext.Provider>
}

/** The account name as short as still tells it apart ("Hoursmith" for "Demo — Hoursmith"). */
export function useShortAccountName(): (name: string) => string {
  const short = useContext(ShortNamesContext)
  return (name) => short.get(name) ?? name
}

/**
 * An account name where space is narrow: the short form on screen, the full name in its tooltip
 * and for screen readers, so nothing of it is lost to anyone.
 */
export function AccountName({ name, className }: { name: string; className?: string }) {
  const short = useShortAccountName()(name)
  if (short === name)
    return (
      <span className={className} title={name}>
        {name}
      </span>
    )
  return (
    <span className={className} title={name}>
      <span aria-hidden="true">{short}</span>
      <span className="sr-only">{name}</span>
    </span>
  )
}
