import type { Page } from '@playwright/test'

export type Rgb = [number, number, number]

/**
 * The colours at `points` (page coordinates) as the page paints them now: a screenshot decoded
 * in a blank page of the same browser, so no image library is needed and the app's CSP is left alone.
 */
export async function pixelsAt(page: Page, points: { x: number; y: number }[]): Promise<Rgb[]> {
  const png = (await page.screenshot()).toString('base64')
  const scratch = await page.context().newPage()
  try {
    return await scratch.evaluate(
      async ({ png, points }) => {
        // The test code compiles without the DOM's types: the little of it used here, named.
        type Canvas = {
          width: number
          height: number
          getContext(kind: '2d'): {
            drawImage(image: unknown, x: number, y: number): void
            getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray }
          }
        }
        const { fetch, createImageBitmap, OffscreenCanvas } = globalThis as unknown as {
          fetch(url: string): Promise<{ blob(): Promise<unknown> }>
          createImageBitmap(blob: unknown): Promise<{ width: number; height: number }>
          OffscreenCanvas: new (width: number, height: number) => Canvas
        }
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob())
        const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')
        context.drawImage(bitmap, 0, 0)
        return points.map(({ x, y }) => {
          const [r, g, b] = context.getImageData(Math.floor(x), Math.floor(y), 1, 1).data
          return [r!, g!, b!] as [number, number, number]
        })
      },
      { png, points }
    )
  } finally {
    await scratch.close()
  }
}

/** WCAG 2 contrast ratio of two sRGB colours. */
export function contrast(a: Rgb, b: Rgb): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (lighter + 0.05) / (darker + 0.05)
}

function luminance([r, g, b]: Rgb): number {
  const channel = (value: number) => {
    const c = value / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}
