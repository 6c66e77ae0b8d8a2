/**
 * A component in its own chunk, loaded once when first asked for. `current` is reactive, so a
 * view draws it as soon as it arrives; the build loads it before rendering the first frame
 * (src/build/firstFrameRender.ts), so the prerendered page has it too.
 */
/** `View` is the component's own type (its module's default export), props and all. */
export class LazyComponent<View> {
  current: View | undefined = $state.raw()
  failed = $state(false)
  readonly #loader: () => Promise<{ default: View }>
  #loading: Promise<void> | undefined

  constructor(loader: () => Promise<{ default: View }>) {
    this.#loader = loader
  }

  load(): Promise<void> {
    this.#loading ??= this.#loader().then(
      (module) => {
        this.current = module.default
      },
      () => {
        this.failed = true
      },
    )
    return this.#loading
  }
}
