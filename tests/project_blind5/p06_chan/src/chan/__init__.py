from chan.channels import TcpChannel

__all__ = ["TcpChannel"]
