// Screens are picked by the URL hash the shell loads: #/dashboard, #/token-dialog?target=NAME, #/wizard, #/settings,
// #/devices (lab devices).

export type Route =
  | { screen: 'dashboard' }
  | { screen: 'token-dialog'; target: string | undefined }
  | { screen: 'wizard' }
  | { screen: 'settings' }
  | { screen: 'devices' }
  | { screen: 'not-found'; hash: string };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const params = new URLSearchParams(query);
  switch (path.replace(/\/+$/, '') || '/dashboard') {
    case '/dashboard':
      return { screen: 'dashboard' };
    case '/token-dialog':
      return { screen: 'token-dialog', target: params.get('target') ?? undefined };
    case '/wizard':
      return { screen: 'wizard' };
    case '/settings':
      return { screen: 'settings' };
    case '/devices':
      return { screen: 'devices' };
    default:
      return { screen: 'not-found', hash };
  }
}

export const SCREEN_TITLES: Record<Route['screen'], string> = {
  dashboard: 'MFA Tray',
  'token-dialog': 'Renew MFA session — MFA Tray',
  wizard: 'Set up MFA profiles — MFA Tray',
  settings: 'Settings — MFA Tray',
  devices: 'Lab devices — MFA Tray',
  'not-found': 'MFA Tray',
};
