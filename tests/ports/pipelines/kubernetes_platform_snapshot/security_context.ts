// corpus: kubernetes_platform_snapshot/security_context.yaml
import { kubernetes, pipeline, pythonComponent } from '../../../../src/index.ts';

// A stand-in for upstream's `print_greeting` (same name and signature; no docstring there).
const printGreeting = pythonComponent({ name: 'print_greeting', source: { code: "def print_greeting():\n    print('greetings')\n" } });

export default pipeline({ name: 'my-pipeline' }, (_p, s) => {
  kubernetes.setSecurityContext(s.task(printGreeting, {}), { runAsUser: 65534, runAsGroup: 0 });
});
