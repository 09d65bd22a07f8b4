"""Accuracy benchmark: newsdesk's fact sheets against outside gold data.

``python -m tests.benchmarks.accuracy [--data PATH] [--only figures|entities|quotes|dates]
[--markdown] [--errors N]`` prints, per task and data set, newsdesk's score beside
the bare spaCy pipeline's (same pipeline object, same run, same raw texts):

* figures (``figures.py``): value P/R/F1 and qualifier accuracy on the
  Recognizers-Text Number, NumberRange, Percent and Currency specs, the Duckling
  numeral/money/quantity/distance phrases and the quantulum3 sentences;
* entities (``entities.py``): P/R/F1 on GUM news, train+dev (for tuning) and test;
* quotes (``quotes.py``): content P/R/F1 on GUM news and textacy, speaker accuracy
  on textacy (the bare column is a naive regex: spaCy has no quote component);
* dates (``dates.py``): span P/R/F1 and resolved-value accuracy on GUM news.

Each module's docstring says exactly how its gold is read and scored. The data
folder is never copied into the repository; unit tests of the scoring helpers
(``tests/test_bench_scoring.py``) use hand-made inputs only. Speed is measured by
``python -m tests.benchmarks``.
"""
