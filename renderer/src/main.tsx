// Entry point of the one bundle every window loads; the hash picks the screen.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { SCREEN_TITLES, parseRoute } from './common/route';
import { Dashboard } from './dashboard/Dashboard';
import { Devices } from './devices/Devices';
import { Settings } from './settings/Settings';
import { TokenDialog } from './token-dialog/TokenDialog';
import { Wizard } from './wizard/Wizard';
import './styles.css';

function App() {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  useEffect(() => {
    document.title = SCREEN_TITLES[route.screen];
  }, [route.screen]);

  switch (route.screen) {
    case 'dashboard':
      return <Dashboard />;
    case 'token-dialog':
      return <TokenDialog target={route.target} />;
    case 'wizard':
      return <Wizard />;
    case 'settings':
      return <Settings />;
    case 'devices':
      return <Devices />;
    case 'not-found':
      return (
        <main className="page">
          <h1>Nothing here</h1>
          <p>
            MFA Tray has no screen called <span className="mono">{route.hash}</span>.{' '}
            <a href="#/dashboard">Open the dashboard</a>.
          </p>
        </main>
      );
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
