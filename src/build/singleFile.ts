/**
 * The offline single file (`npm run build:single`): the built index.html with its one script and
 * one stylesheet written into it, and a Content-Security-Policy that allows exactly that inline
 * code. Pure text in, text out, so it is unit-tested without a build; vite.single.config.ts calls
 * it on Vite's output.
 *
 * Why inline: Chromium gives every file:// URL an opaque origin, so a page opened from disk may not
 * load `<script type="module" src="./assets/...">` (a module script is fetched in CORS mode and a
 * file:// response carries no CORS headers). Code written into the page needs no fetch at all.
 */
import { createHash } from 'node:crypto'

export type SingleFileErrorCode = 'no-script-tag' | 'no-csp-meta' | 'unsafe-text'

export interface SingleFileError {
  code: SingleFileErrorCode
  message: string
}

export type SingleFileResult = { ok: true; html: string } | { ok: false; error: SingleFileError }

/** What the build produced: the page, its entry script and its one stylesheet (if any). */
export interface BuiltPage {
  html: string
  script: string
  style: string | undefined
}

/** A CSP hash source for inline text, as CSP Level 3 §2.3.1 defines it: base64 of SHA-256 over the UTF-8 bytes. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
}

/**
 * Script text that the HTML parser cannot end early or run on past its end.
 * - A `</script` inside the code (a string, a comment) would close the element (HTML §13.2.5.4,
 *   script data end tag open state); `<\/script` means the same to JavaScript in strings,
 *   template literals and regular expressions, so it is rewritten.
 * - `<!--` followed by `<script` before the next `-->` puts the parser in the double-escaped state
 *   (§13.2.5.20-27), where `</script>` no longer ends the element. No rewrite is safe in every
 *   JavaScript context, so that is refused. Svelte's own `<!---->` markers close at once and pass.
 */
export function scriptSafeForHtml(
  code: string,
): { ok: true; code: string } | { ok: false; error: SingleFileError } {
  const lower = code.toLowerCase()
  for (let open = lower.indexOf('<!--'); open >= 0; open = lower.indexOf('<!--', open + 4)) {
    const close = lower.indexOf('-->', open + 2)
    const script = lower.indexOf('<script', open + 4)
    if (script >= 0 && (close < 0 || script < close)) {
      return {
        ok: false,
        error: {
          code: 'unsafe-text',
          message: `The script holds "<!--" at character ${open} and "<script" before any "-->": the HTML parser would not find its end.`,
        },
      }
    }
  }
  return { ok: true, code: code.replace(/<\/(script)/gi, '<\\/$1') }
}

/** A policy as directive name -> sources, in the order written. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>()
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name) directives.set(name.toLowerCase(), sources)
  }
  return directives
}

/**
 * The site's policy, adapted to a page that carries its code inline:
 * - script-src: only the hash of the one inline script (no 'unsafe-inline', no file can add code);
 * - worker-src: blob:, because the parse worker starts from a blob: URL made from code in the page;
 * - style-src: the hash of the inline `<style>` added, unless the site's policy already allows
 *   inline styles ('unsafe-inline' is ignored by browsers when a hash is present, CSP3 §6.7.3.3, so
 *   adding one would take away the style attributes the site policy allows).
 * Everything else, connect-src 'none' above all, is the site's policy unchanged.
 */
export function singleFilePolicy(
  sitePolicy: string,
  scriptHash: string,
  styleHash: string | undefined,
): string {
  const directives = parsePolicy(sitePolicy)
  directives.set('script-src', [scriptHash])
  directives.set('worker-src', ['blob:'])
  const styleSources = directives.get('style-src') ?? directives.get('default-src') ?? []
  if (styleHash && !styleSources.includes("'unsafe-inline'"))
    directives.set('style-src', [...styleSources, styleHash])
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ')
}

const cspMetaPattern = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"\s*\/?>/i
const entryScriptPattern = /<script type="module"[^>]*\ssrc="[^"]*"[^>]*><\/script>/
const stylesheetPattern = /<link rel="stylesheet"[^>]*>/g
const modulePreloadPattern = /<link rel="modulepreload"[^>]*>/g

function decodeAttribute(value: string): string {
  return value.replace(
    /&#39;|&quot;|&amp;/g,
    (entity) => ({ '&#39;': "'", '&quot;': '"', '&amp;': '&' })[entity] ?? entity,
  )
}

/** The page with its script and stylesheet inlined and the policy adapted to them. */
export function inlinePage(page: BuiltPage): SingleFileResult {
  const safe = scriptSafeForHtml(page.script)
  if (!safe.ok) return safe
  if (page.style?.match(/<\/style/i)) {
    return {
      ok: false,
      error: {
        code: 'unsafe-text',
        message: 'The stylesheet holds "</style", which would end the inline style element.',
      },
    }
  }
  if (!entryScriptPattern.test(page.html)) {
    return {
      ok: false,
      error: {
        code: 'no-script-tag',
        message: 'The built page has no <script type="module" src> to inline.',
      },
    }
  }
  const meta = cspMetaPattern.exec(page.html)
  if (!meta) {
    return {
      ok: false,
      error: {
        code: 'no-csp-meta',
        message: 'The built page has no Content-Security-Policy meta tag to adapt.',
      },
    }
  }
  const policy = singleFilePolicy(
    decodeAttribute(meta[1]!),
    cspHash(safe.code),
    page.style === undefined ? undefined : cspHash(page.style),
  )
  const html = page.html
    .replace(cspMetaPattern, () => `<meta http-equiv="Content-Security-Policy" content="${policy}">`)
    .replace(modulePreloadPattern, '')
    .replace(stylesheetPattern, '')
    // The style goes where the stylesheet link was (in head, before the script), the script at the
    // end of head as Vite puts it; a function replacement keeps "$&" in the code from being expanded.
    .replace('</head>', () =>
      page.style === undefined ? '</head>' : `<style>${page.style}</style>\n</head>`,
    )
    .replace(entryScriptPattern, () => `<script type="module">${safe.code}</script>`)
  return { ok: true, html }
}
