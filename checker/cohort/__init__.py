"""Cohorts: many reports at once. inputs.py finds the files (folders, zips), batch.py checks them in worker
processes into a workbook, fingerprint.py and similarity.py find copies and problems repeated from last year."""
