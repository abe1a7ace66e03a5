"""A wrapper that counts what goes through the object it is given (a socket or a file)."""


class CountingProxy:
    def __init__(self, target):
        self._target = target
        self.count = 0

    def raw_handle(self):
        return self._target.fileno()

    def inner(self):
        return self._target
