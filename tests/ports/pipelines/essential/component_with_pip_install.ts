// corpus: valid/essential/component_with_pip_install.yaml — a single component compiled on its own:
// `pipelineOfComponent`, as kfp compiles a component.
import { pipelineOfComponent, pythonComponent } from '../../../../src/index.ts';

const componentWithPipInstall = pythonComponent({
  name: 'component_with_pip_install',
  source: { code: 'def component_with_pip_install():\n    import yapf\n' },
  packagesToInstall: ['yapf'],
  pipIndexUrls: ['https://pypi.org/simple'],
});

export default pipelineOfComponent(componentWithPipInstall);
