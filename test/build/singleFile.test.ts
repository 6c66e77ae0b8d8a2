import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { cspHash, inlinePage, scriptSafeForHtml, singleFilePolicy } from '../../src/build/singleFile'

const sitePolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'none'; worker-src 'self'; object-src 'none'"

/** A page as Vite writes it: the policy meta first, the entry script and stylesheet as files. */
const builtHtml = `<!doctype html>
<html lang="en">
  <head>
    <meta http-equiv="Content-Security-Policy" content="${sitePolicy.replaceAll("'", '&#39;')}">
    <title>Staple Lab</title>
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/vendor-def.js">
    <link rel="stylesheet" crossorigin href="./assets/index-123.css">
  </head>
  <body><div id="app"></div></body>
</html>`

const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `))

describe('cspHash', () => {
  it('is the base64 SHA-256 of the UTF-8 text, as openssl computes it', () => {
    const text = 'console.log("Zürich 東京")'
    const openssl = execFileSync('sh', ['-c', 'openssl dgst -sha256 -binary | openssl base64 -A'], {
      input: text,
    })
    expect(cspHash(text)).toBe(`'sha256-${openssl.toString().trim()}'`)
  })
})

describe('scriptSafeForHtml', () => {
  it('rewrites </script inside the code so the element does not end early, and the code means the same', () => {
    const code = 'return ["</script><b>x</b>", `</SCRIPT>`, /<\\/script>/.source]'
    const safe = scriptSafeForHtml(code)
    expect(safe.ok && safe.code).not.toMatch(/<\/script/i)
    expect(safe.ok && new Function(safe.code)()).toEqual(new Function(code)())
  })

  it("passes Svelte's <!----> markers, which close at once", () => {
    expect(scriptSafeForHtml('t.innerHTML = s.replaceAll(`<!>`, `<!---->`)').ok).toBe(true)
  })

  it('refuses <!-- followed by <script before -->, naming where', () => {
    const result = scriptSafeForHtml('let a = 1; const s = "<!-- <script>"')
    expect(result).toEqual({
      ok: false,
      error: { code: 'unsafe-text', message: expect.stringContaining('character 22') },
    })
  })
})

describe('singleFilePolicy', () => {
  it('allows only the inline script by its hash, workers from blob:, and keeps connect-src none', () => {
    const policy = singleFilePolicy(sitePolicy, "'sha256-AAA='", "'sha256-BBB='")
    expect(directive(policy, 'script-src')).toBe("script-src 'sha256-AAA='")
    expect(directive(policy, 'worker-src')).toBe('worker-src blob:')
    expect(directive(policy, 'connect-src')).toBe("connect-src 'none'")
    expect(directive(policy, 'style-src')).toBe("style-src 'self' 'sha256-BBB='")
    expect(directive(policy, 'object-src')).toBe("object-src 'none'")
  })

  it("keeps style-src as it is when the site allows inline styles, so a hash does not switch 'unsafe-inline' off", () => {
    const policy = singleFilePolicy(
      sitePolicy.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
      "'sha256-AAA='",
      "'sha256-BBB='",
    )
    expect(directive(policy, 'style-src')).toBe("style-src 'self' 'unsafe-inline'")
  })
})

describe('inlinePage', () => {
  it('writes script and style into the page, drops the file links, and the policy names the script it holds', () => {
    const script = 'document.title = "$& $1 </script>"'
    const result = inlinePage({ html: builtHtml, script, style: 'body{color:red}' })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.html).not.toMatch(/src="|modulepreload|rel="stylesheet"/)
    expect(result.html).toContain('<style>body{color:red}</style>')
    const inline = /<script type="module">([\s\S]*)<\/script>/.exec(result.html)![1]!
    expect(inline).toBe('document.title = "$& $1 <\\/script>"')
    const policy = /content="([^"]*)"/.exec(result.html)![1]!
    expect(directive(policy, 'script-src')).toBe(`script-src ${cspHash(inline)}`)
    expect(directive(policy, 'style-src')).toBe(`style-src 'self' ${cspHash('body{color:red}')}`)
  })

  it('says what is missing when the page has no policy to adapt', () => {
    const html = builtHtml.replace(/<meta http-equiv[^>]*>/, '')
    expect(inlinePage({ html, script: '1', style: undefined })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'no-csp-meta' }),
    })
  })
})
