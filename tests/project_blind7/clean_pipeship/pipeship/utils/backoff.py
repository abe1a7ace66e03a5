import itertools


def backoff_delays(base=0.1, cap=30.0):
    for n in itertools.count():
        yield min(cap, base * 2 ** n)
