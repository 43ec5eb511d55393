import type { LineItem } from '../../lib/contract'
import { formatDecimal } from '../../lib/format'
import { useMoney } from '../../components/HideAmounts'

export function LineItemsTable({ items, currency }: { items: LineItem[]; currency: string }) {
  const formatMoney = useMoney()
  const sorted = [...items].sort((a, b) => a.position - b.position)
  const money = (amount: string | null) => (amount === null ? '—' : formatMoney(amount, currency))

  return (
    <table className="line-items">
      <thead>
        <tr>
          <th scope="col">Description</th>
          <th scope="col" className="num">
            Qty
          </th>
          <th scope="col" className="num">
            Unit price
          </th>
          <th scope="col" className="num">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((item) => (
          <tr key={item.position}>
            <td>{item.description}</td>
            <td className="num">{item.quantity === null ? '—' : formatDecimal(item.quantity)}</td>
            <td className="num">{money(item.unitPrice)}</td>
            <td className="num">{money(item.amount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
