export { useSecretAsEnv, useSecretAsVolume } from './secret.ts';
