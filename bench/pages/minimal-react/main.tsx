/**
 * The panel-ready baseline: the smallest React page of the panel's build setup (vite +
 * @vitejs/plugin-react, as @wxt-dev/module-react uses), one button.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount(count + 1)}>
      Clicked {count} times
    </button>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
