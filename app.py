"""The review page from the repository (`streamlit run app.py`); `shuzhi serve` runs checker/review/app.py itself."""

from checker.review.app import main

main()
