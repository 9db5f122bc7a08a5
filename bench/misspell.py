#!/usr/bin/env python3
"""misspell.py — one misspelling per surname read (stdin to stdout).

Deterministic: a swap of two neighbouring letters, a dropped letter or a
doubled one, by turns, never in the first letter (people rarely get that
wrong, and the search ranks on it)."""
import sys

for i, line in enumerate(sys.stdin):
    s = line.strip()
    if len(s) < 4:
        continue
    k = 1 + (i * 7) % (len(s) - 2)
    how = i % 3
    if how == 0:
        t = s[:k] + s[k + 1] + s[k] + s[k + 2:]
    elif how == 1:
        t = s[:k] + s[k + 1:]
    else:
        t = s[:k] + s[k] + s[k:]
    print(t)
