"""ReportLab documents: plain data in, PDF bytes out."""

from organiser.reports import shaping

# HarfBuzz (17 ms to load) only once some text is shaped: most documents never need it.
shaping.load_lazily()
