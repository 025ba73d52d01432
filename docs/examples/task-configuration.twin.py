from kfp import dsl
from ml import load_data, say, train

load_data = dsl.component(load_data)
train = dsl.component(train)
say = dsl.component(say)


@dsl.pipeline(name="task-configuration")
def task_configuration(image: str = "python:3.12-slim", memory: str = "8Gi"):
    data = load_data(source="gs://my-bucket/train.csv").set_display_name("Load the training data")
    (
        train(data=data.outputs["data"])
        .set_cpu_request("1")
        .set_cpu_limit("4")
        .set_memory_request("2Gi")
        .set_memory_limit(memory)
        .set_accelerator_type("nvidia.com/gpu")
        .set_accelerator_limit(1)
        .set_env_variable("OMP_NUM_THREADS", "4")
        .set_retry(num_retries=3, backoff_duration="30s", backoff_factor=2, backoff_max_duration="10m")
    )
    say(message="data is ready").after(data).set_container_image(image)


PIPELINE = task_configuration
