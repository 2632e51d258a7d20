"""Stage 3, classify: a label (成绩/问题/打算/其他) and its probability for every sentence of the Doc.

features.py: sentence records; model.py: the estimator; baseline.py: the heading-keyword yardstick;
store.py: the shipped model; component.py: the shuzhi_classifier pipeline component.
"""

from checker.classify import component  # noqa: F401  (registers the component)
