import { mount } from 'svelte'
import './app.css'
import App from './App.svelte'

// The build prerenders the default view into #app (src/build/firstFrame.ts): a picture to paint
// before this script runs. The app replaces it in this same task, so the two never show together.
const target = document.getElementById('app')!
target.replaceChildren()
mount(App, { target })
