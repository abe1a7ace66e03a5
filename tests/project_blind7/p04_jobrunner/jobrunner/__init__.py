"""jobrunner - a process pool for connection-serving jobs."""
from .job import Job
from .pool import Pool
from .scheduler import Scheduler

__all__ = ["Job", "Pool", "Scheduler", "__version__"]
__version__ = "0.6.1"
