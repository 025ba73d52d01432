/**
 * Pinned packages the component containers install, the same versions the test venv runs
 * (requirements.txt), so what the tests prove is what runs in the cluster.
 */
export const PACKAGES = {
  pandas: 'pandas==3.1.1',
  pyarrow: 'pyarrow==25.0.1',
  boto3: 'boto3==1.44.8',
  sklearn: 'scikit-learn==1.9.1',
  mlflow: 'mlflow==3.17.2',
  optuna: 'optuna==5.0.0',
  plotly: 'plotly==7.1.0',
  requests: 'requests==2.33.0',
  numpy: 'numpy==2.4.6',
  scipy: 'scipy==1.17.1',
  joblib: 'joblib==1.6.0',
  skops: 'skops==0.16.0',
} as const;

/**
 * The seed used python:3.10; the pinned pandas 3 / scikit-learn 1.9 / mlflow 3 need Python 3.11,
 * so the components run on python:3.11 — the interpreter the test suite exercises them with.
 */
export const BASE_IMAGE = 'python:3.11';
