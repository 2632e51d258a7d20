"""Stage 6, render: Result -> text, JSON, Excel, annotated .docx."""
