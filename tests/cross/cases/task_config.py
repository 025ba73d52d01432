"""Python twin of task_config.ts."""
from kfp import dsl
from twin import component

F = "tests/cross/fixtures/work.py"
train = component(F, "train", base_image="python:3.11-slim")
evaluate = component(F, "evaluate", base_image="python:3.11-slim")
notify = component(F, "notify", base_image="python:3.11-slim")
pick_image = component(F, "pick_image", base_image="python:3.11-slim")


@dsl.pipeline(name="task-config", description="Resources, accelerators, env, caching, retries, display names, images")
def task_config(epochs: int = 3, cpu: str = "1500m", gpu_type: str = "nvidia.com/gpu", flavour: str = "slim"):
    big = train(epochs=epochs, learning_rate=0.1)
    big.set_cpu_request("500m").set_cpu_limit("2").set_memory_request("512Mi").set_memory_limit("4G")
    big.set_accelerator_type("nvidia.com/gpu").set_accelerator_limit(2)
    big.set_display_name("Train on GPUs").set_retry(num_retries=3, backoff_duration="30s", backoff_factor=1.5, backoff_max_duration="1h")
    big.set_env_variable("LOG_LEVEL", "debug").set_env_variable("OMP_NUM_THREADS", "4").set_env_variable("LOG_LEVEL", "info")

    small = train(epochs=1)
    small.set_cpu_limit("0.5").set_memory_limit("1024").set_accelerator_type("TPU_V3")
    small.set_caching_options(False).set_retry(num_retries=2)

    dynamic = train(epochs=epochs)
    dynamic.set_cpu_limit(cpu).set_accelerator_type(gpu_type).set_memory_request("2Ki")

    count_only = evaluate(loss=big.output)
    count_only.set_accelerator_limit("4").set_caching_options(True, cache_key="evaluate-v1")

    image = pick_image(flavour=flavour)
    notify(message=count_only.output).set_container_image("alpine:3.20").after(small)
    notify(message="done", channel="#ops").set_container_image(image.output).after(dynamic)
    notify(message="param image").set_container_image(flavour).set_display_name("notify with a parameter image")


PIPELINE = task_config
