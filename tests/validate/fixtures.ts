/**
 * A small, valid, hand-made pipeline (train -> report, a loop, DAG outputs) and its platform spec.
 * Each rule test breaks exactly one reference in a fresh copy.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = Record<string, any>;

const artifact = (schemaTitle: string) => ({ artifactType: { schemaTitle, schemaVersion: '0.0.1' } });

export function pipelineSpec(): Doc {
  return {
    pipelineInfo: { name: 'train-and-report' },
    schemaVersion: '2.1.0',
    sdkVersion: 'kfp-ts-test',
    deploymentSpec: {
      executors: {
        'exec-train': { container: { image: 'python:3.11', command: ['python', '-c'], args: ['train()'] } },
        'exec-report': { container: { image: 'python:3.11', command: ['python', '-c'], args: ['report()'] } },
      },
    },
    components: {
      'comp-train': {
        executorLabel: 'exec-train',
        inputDefinitions: {
          parameters: { lr: { parameterType: 'NUMBER_DOUBLE' } },
          artifacts: { data: artifact('system.Dataset') },
        },
        outputDefinitions: {
          parameters: { score: { parameterType: 'NUMBER_DOUBLE' } },
          artifacts: { model: artifact('system.Model') },
        },
      },
      'comp-report': {
        executorLabel: 'exec-report',
        inputDefinitions: {
          parameters: { score: { parameterType: 'NUMBER_DOUBLE' }, status: { parameterType: 'TASK_FINAL_STATUS' } },
          artifacts: { model: artifact('system.Model') },
        },
      },
      'comp-for-loop-1': {
        inputDefinitions: {
          parameters: { 'pipelinechannel--lrs-loop-item': { parameterType: 'NUMBER_DOUBLE' } },
          artifacts: { data: artifact('system.Dataset') },
        },
        dag: {
          tasks: {
            'train-2': {
              taskInfo: { name: 'train-2' },
              componentRef: { name: 'comp-train' },
              inputs: {
                parameters: { lr: { componentInputParameter: 'pipelinechannel--lrs-loop-item' } },
                artifacts: { data: { componentInputArtifact: 'data' } },
              },
            },
          },
        },
      },
    },
    root: {
      inputDefinitions: {
        parameters: { lr: { parameterType: 'NUMBER_DOUBLE', defaultValue: 0.1 } },
        artifacts: { data: artifact('system.Dataset') },
      },
      outputDefinitions: {
        parameters: { score: { parameterType: 'NUMBER_DOUBLE' } },
        artifacts: { model: artifact('system.Model') },
      },
      dag: {
        tasks: {
          train: {
            taskInfo: { name: 'train' },
            componentRef: { name: 'comp-train' },
            inputs: {
              parameters: { lr: { componentInputParameter: 'lr' } },
              artifacts: { data: { componentInputArtifact: 'data' } },
            },
          },
          report: {
            taskInfo: { name: 'report' },
            componentRef: { name: 'comp-report' },
            dependentTasks: ['train'],
            inputs: {
              parameters: {
                score: { taskOutputParameter: { producerTask: 'train', outputParameterKey: 'score' } },
                status: { taskFinalStatus: { producerTask: 'train' } },
              },
              artifacts: { model: { taskOutputArtifact: { producerTask: 'train', outputArtifactKey: 'model' } } },
            },
            triggerPolicy: {
              condition: "inputs.parameter_values['score'] > 0.5 && inputs.artifacts[\"model\"].uri != ''",
              strategy: 'ALL_UPSTREAM_TASKS_COMPLETED',
            },
          },
          'for-loop-1': {
            taskInfo: { name: 'for-loop-1' },
            componentRef: { name: 'comp-for-loop-1' },
            inputs: {
              parameters: { 'pipelinechannel--lrs': { runtimeValue: { constant: [0.1, 0.2] } } },
              artifacts: { data: { componentInputArtifact: 'data' } },
            },
            parameterIterator: {
              items: { inputParameter: 'pipelinechannel--lrs' },
              itemInput: 'pipelinechannel--lrs-loop-item',
            },
          },
        },
        outputs: {
          parameters: { score: { valueFromParameter: { producerSubtask: 'train', outputParameterKey: 'score' } } },
          artifacts: { model: { artifactSelectors: [{ producerSubtask: 'train', outputArtifactKey: 'model' }] } },
        },
      },
    },
  };
}

export function platformSpec(): Doc {
  return {
    platforms: {
      kubernetes: {
        deploymentSpec: {
          executors: {
            'exec-report': {
              pvcMount: [
                {
                  mountPath: '/data',
                  taskOutputParameter: { producerTask: 'train', outputParameterKey: 'score' },
                  pvcNameParameter: { taskOutputParameter: { producerTask: 'train', outputParameterKey: 'score' } },
                },
              ],
              secretAsEnv: [
                {
                  secretNameParameter: { componentInputParameter: 'lr' },
                  keyToEnv: [{ secretKey: 'password', envVar: 'PASSWORD' }],
                },
              ],
              nodeAffinity: [
                // A constant is user data: its keys are never references.
                { nodeAffinityJson: { runtimeValue: { constant: { componentInputParameter: 'not-a-reference' } } } },
              ],
            },
          },
        },
      },
    },
  };
}
