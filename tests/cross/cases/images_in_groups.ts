/**
 * withContainerImage inside groups: the image from the loop item, from a pipeline parameter and
 * from a task output outside the loop (in a condition inside it); kfp passes each through the
 * groups as `pipelinechannel--` inputs and writes the task's `base_image` input.
 */
import { eq, pipeline, z } from '../../../src/index.ts';

import { notify, pickImage } from '../fixtures/work-components.ts';

export default pipeline(
  {
    name: 'images-in-groups',
    inputs: { images: z.array(z.string()).default(['alpine:3.20', 'busybox:1.36']), default_image: z.string().default('alpine'), check: z.boolean().default(true) },
  },
  (p, s) => {
    const picked = s.task(pickImage, { flavour: 'slim' });
    s.parallelFor(p.images, (image, s) => {
      s.task(notify, { message: 'loop item' }).withContainerImage(image);
      s.task(notify, { message: 'parameter' }).withContainerImage(p.default_image);
      s.if(eq(p.check, true), (s) => void s.task(notify, { message: 'task output' }).withContainerImage(picked.outputs.Output));
    });
  },
);
