"""The labelled corpus (corpus.py), training and evaluation of the classifier (train.py), and the calibration of
the checks on gold labels (calibration.py)."""
