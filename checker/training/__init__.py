"""The labelled corpus (corpus.py), training and evaluation of the classifier (train.py), augmentation and
grouped model selection (augment.py, selection.py), and the checks against the reviewers' grades (verdicts.py)."""
