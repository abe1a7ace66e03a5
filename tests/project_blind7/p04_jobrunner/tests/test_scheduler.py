import threading

import pytest

from jobrunner import Job, Scheduler


@pytest.mark.parametrize("delays", [[0], [0.05, 0.0], [0.02, 0.01, 0.0]])
def test_jobs_run_in_due_order(delays):
    ran = []
    done = threading.Event()

    def run(job):
        ran.append(job.name)
        if len(ran) == len(delays):
            done.set()

    sched = Scheduler(run)
    sched.start()
    for i, delay in enumerate(delays):
        sched.submit(Job(f"j{i}", ("true",)), delay)
    assert done.wait(5)
    expected = [f"j{i}" for i, _ in sorted(enumerate(delays), key=lambda t: t[1])]
    assert ran == expected
