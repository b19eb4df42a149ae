"""Only the compiled token scanner lives here; everything else is in pyproject.toml.

The extension is optional: where no C compiler is found the package installs without it
and counts with the pure-Python scanner (the same tokens, slower).
"""
from setuptools import Extension, setup

setup(ext_modules=[Extension("analysis._scan", ["analysis/_scan.c"], optional=True,
                             extra_compile_args=["-O2"])])
