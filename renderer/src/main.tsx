import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// The global stylesheet first: components' and features' own stylesheets come after it and win its ties.
import './styles.css'
import { App } from './App'

const container = document.getElementById('root')
if (!container) throw new Error('index.html is missing the #root element')

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>
)
