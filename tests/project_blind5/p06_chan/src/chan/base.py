"""Channel bookkeeping shared by every transport."""


class Channel:
    def __init__(self, name: str) -> None:
        self.name = name
        self.sent = 0
        self.received = 0

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} sent={self.sent}>"
