"""Stage 6, render: a checked Doc (and its ReportSummary) -> text, JSON, Excel, annotated .docx, HTML, charts."""
