/**
 * kfp-kubernetes' two PVC "components": container components whose image is a stub the KFP
 * backend recognises (`argostub/createpvc`, `argostub/deletepvc`) and replaces with a
 * Kubernetes resource step. Their interface (names, types, defaults and the descriptions kfp
 * takes from their docstrings) is what kfp 2.17.3 writes, so compiled files agree with kfp's.
 */
import * as z from 'zod';
import { containerComponent } from '../dsl/component.ts';

const PVC_DOC = 'https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1';

/**
 * Creates a PersistentVolumeClaim that later tasks can mount; its `name` output is the PVC's name.
 *
 * @example
 * const pvc = s.task(CreatePVC, { pvc_name_suffix: '-data', access_modes: ['ReadWriteOnce'], size: '5Gi' });
 * mountPvc(train, { pvcName: pvc.outputs.name, mountPath: '/data' });
 * s.task(DeletePVC, { pvc_name: pvc.outputs.name }).after(train);
 */
export const CreatePVC = containerComponent({
  name: 'CreatePVC',
  inputs: {
    access_modes: z.array(z.string()).describe('Values for ``PersistentVolumeClaim.spec.accessModes``.'),
    size: z
      .string()
      .describe(
        "The size of storage requested by the PVC that will be\nprovisioned. For example, ``'5Gi'``. Corresponds to\n" +
          `\`PersistentVolumeClaim.spec.resources.requests.storage\n<${PVC_DOC}/#PersistentVolumeClaimSpec>\`_.`,
      ),
    pvc_name: z
      .string()
      .optional()
      .describe(
        `Name of the PVC. Corresponds to\n\`PersistentVolumeClaim.metadata.name\n<${PVC_DOC}/#PersistentVolumeClaim>\`_.\n` +
          'Only one of ``pvc_name`` and ``pvc_name_suffix`` can be provided.',
      ),
    pvc_name_suffix: z
      .string()
      .optional()
      .describe(
        'Prefix to use for a dynamically generated name, which\nwill take the form ``<argo-workflow-name>-<pvc_name_suffix>``. Only\n' +
          'one of ``pvc_name`` and ``pvc_name_suffix`` can be provided.',
      ),
    storage_class_name: z
      .string()
      .default('')
      .describe(
        "Name of StorageClass from which to provision the PV\nto back the PVC. ``None`` indicates to use the cluster's default\n" +
          "storage_class_name. Set to ``''`` for a statically specified PVC.",
      ),
    volume_name: z
      .string()
      .optional()
      .describe(
        'Pre-existing PersistentVolume that should back the\nprovisioned PersistentVolumeClaim. Used for statically\nspecified PV only. Corresponds to\n' +
          `\`PersistentVolumeClaim.spec.volumeName\n<${PVC_DOC}/#PersistentVolumeClaimSpec>\`_.`,
      ),
    annotations: z
      .record(z.string(), z.string())
      .optional()
      .describe(`Annotations for the PVC's metadata. Corresponds to\n\`PersistentVolumeClaim.metadata.annotations\n<${PVC_DOC}/#PersistentVolumeClaim>\`_.`),
    data_source: z
      .record(z.string(), z.string())
      .optional()
      .describe(
        'Specifies the data source for the PVC. This can be used to\ncreate a PVC from a VolumeSnapshot or to clone an existing PVC.\n' +
          "Should be a dictionary with ``'apiGroup'``, ``'kind'``, and\n``'name'`` keys. For example:\n" +
          "``{'apiGroup': 'snapshot.storage.k8s.io', 'kind': 'VolumeSnapshot', 'name': 'my-snapshot'}``.\n" +
          `Corresponds to \`PersistentVolumeClaim.spec.dataSource\n<${PVC_DOC}/#PersistentVolumeClaimSpec>\`_.`,
      ),
  },
  outputs: { name: z.string() },
  implementation: () => ({ image: 'argostub/createpvc' }),
});

/**
 * Deletes a PersistentVolumeClaim, typically one made by {@link CreatePVC}; run it `after` the
 * tasks that mount it.
 */
export const DeletePVC = containerComponent({
  name: 'DeletePVC',
  inputs: {
    pvc_name: z
      .string()
      .describe(
        "Name of the PVC to delete. Supports passing a runtime-generated name, such as a name provided by ``kubernetes.CreatePvcOp().outputs['name']``.",
      ),
  },
  implementation: () => ({ image: 'argostub/deletepvc' }),
});
