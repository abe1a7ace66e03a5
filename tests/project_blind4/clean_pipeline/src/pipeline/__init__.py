"""pipeline: run build steps and fan their output to files, pipes and peers."""
from .outputs import Output
from .kinds import FileOutput, OutputKind, PipeOutput

__all__ = ["Output", "FileOutput", "PipeOutput", "OutputKind"]
