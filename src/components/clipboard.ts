/**
 * Copy text for a "Copy" button. The Clipboard API needs a secure context and can be refused; then
 * a selected, off-screen textarea and execCommand('copy') are tried. The answer says what happened,
 * so the button can tell the user to select and copy by hand.
 */
export async function copyText(text: string): Promise<'copied' | 'failed'> {
  try {
    if (!navigator.clipboard) throw new Error('no Clipboard API')
    await navigator.clipboard.writeText(text)
    return 'copied'
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    document.body.append(area)
    area.select()
    let ok: boolean
    try {
      ok = document.execCommand('copy')
    } catch {
      ok = false
    }
    area.remove()
    return ok ? 'copied' : 'failed'
  }
}
