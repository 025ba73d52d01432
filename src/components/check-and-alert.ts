import * as z from 'zod';
import { Metrics } from '../dsl/artifacts.ts';
import { pythonComponent } from '../dsl/component.ts';
import { input } from '../dsl/io.ts';
import { BASE_IMAGE, PACKAGES } from './packages.ts';

/** Posts a Slack message when the model's F1 or accuracy misses its threshold. */
export const checkAndAlert = pythonComponent({
  name: 'check_and_alert',
  source: new URL('./check_and_alert.py', import.meta.url),
  baseImage: BASE_IMAGE,
  packagesToInstall: [PACKAGES.requests],
  inputs: {
    metrics: input(Metrics),
    slack_webhook_url: z.string(),
    f1_threshold: z.number().default(0.85),
    accuracy_threshold: z.number().default(0.9),
  },
});
