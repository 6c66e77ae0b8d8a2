import { mount } from 'svelte'
import './app.css'
import App from './App.svelte'
import { takeFirstFrame } from './components/firstFrameParts.ts'

// The build prerenders the default view into #app (src/build/firstFrame.ts): a picture to paint
// before this script runs. The app takes it apart as it mounts: the header and controls in this
// task, then each diagram and the panels in a task of its own, each replacing its prerendered part.
const target = document.getElementById('app')!
takeFirstFrame(target)
mount(App, { target })
