"""The treaty's rules as plain Python. Imports no Django; `today` is always an argument."""
