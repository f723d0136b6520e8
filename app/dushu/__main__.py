"""`python -m dushu`: the same as the `dushu` command."""

from dushu.cli import entry

entry()
