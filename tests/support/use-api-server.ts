import { afterAll, beforeAll } from 'vitest';
import { startApiServer, type ApiServer } from './backend.ts';

/**
 * Starts a KFP API server of its own for the calling file or describe block (before its tests,
 * stopped after them), so the fake resource manager's state and counters start from nothing.
 * Returns the server's accessor; it throws when called before the server is up.
 */
export function useApiServer(): () => ApiServer {
  let server: ApiServer | undefined;
  beforeAll(async () => {
    server = await startApiServer();
  }, 45 * 60_000); // a cold build of the backend takes minutes
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('apiserver not started');
    return server;
  };
}
