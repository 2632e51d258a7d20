"""shuzhi-checker: offline quality checker for 述职报告.

Pipeline: read -> segment -> classify -> measure -> rules -> render.
"""

__version__ = "0.1.0"
