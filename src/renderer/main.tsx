import { createRoot } from 'react-dom/client';
import { connectPlatform } from './platform/platform';

// Placeholder entry until the app frame lands: proves the platform connection end to end.
const root = createRoot(document.getElementById('root')!);
void connectPlatform().then(async (connection) => {
  if (!connection.ok) {
    root.render(<p role="alert">{connection.failure}</p>);
    return;
  }
  const info = await connection.platform.client.system.getInfo();
  root.render(
    <p>{info.ok ? `Empfang ${info.value.appVersion} (${info.value.shell})` : 'error'}</p>,
  );
});
