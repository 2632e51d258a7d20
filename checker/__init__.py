"""shuzhi-checker: offline quality checker for 述职报告.

Pipeline: read -> segment -> classify -> measure -> checks -> render, on one spaCy Doc per report.
"""

__version__ = "0.2.0"
