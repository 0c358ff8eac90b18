from anschluss.core.testing.matrix import Row

ROWS: list[Row] = []
