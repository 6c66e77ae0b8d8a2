/**
 * The page's stylesheet (app.css) for a shadow root: its :root theme becomes the element's own
 * (:host), and the theme a page fixes with data-theme becomes the element's theme attribute, so
 * <staple-lab-diagram theme="dark"> is dark in any page and inherits none of that page's styles.
 */
export function shadowStylesheet(appCss: string): string {
  const themed = appCss
    .replace(/:root\[data-theme=(['"]?)(\w+)\1\]/g, ":host([theme='$2'])")
    .replace(/:root\b/g, ':host')
  // What html and body give the page: the element's own box, background, colour and type.
  const host = `:host {
  display: block;
  aspect-ratio: 16 / 9;
  overflow: hidden;
  background: var(--bg);
  color: var(--fg);
  font-family: var(--font-ui);
  font-size: 16px;
  line-height: 1.45;
  text-align: start;
}
`
  return `${themed}\n${host}`
}
