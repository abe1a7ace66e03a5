import os
import unittest

posix_only = unittest.skipUnless(os.name == "posix", "needs POSIX descriptors")
