/**
 * The <iframe> snippet for the current scenario. The embed view shows only the diagrams, a play
 * button and a link back, and fits the chosen rows into its frame (slideLayout.ts): the sizes on
 * offer are the 16:9 slides of presentation tools, at which every row shows without scrolling.
 */
export interface EmbedSize {
  width: number
  height: number
}

export const embedSizes: readonly [EmbedSize, EmbedSize, EmbedSize] = [
  { width: 800, height: 450 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]

export const defaultEmbedSize: EmbedSize = embedSizes[1]

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function embedCode(src: string, size: EmbedSize = defaultEmbedSize): string {
  return (
    `<iframe src="${escapeAttribute(src)}" title="Staple Lab: the same TLS handshake with and without OCSP stapling"` +
    ` width="${size.width}" height="${size.height}" style="border:0;max-width:100%" loading="lazy"></iframe>`
  )
}

/** "staple-lab-compare-rs80-tls1.2" style names, so several exports of different scenarios sort apart. */
export function exportFileName(scenarioQuery: string, extension: 'svg' | 'png' | 'json'): string {
  const tag = scenarioQuery
    .replace(/[=&]+/g, '-')
    .replace(/[^a-z0-9.-]+/gi, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return `staple-lab-compare${tag ? `-${tag}` : ''}.${extension}`
}
