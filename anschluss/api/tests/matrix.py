from anschluss.core.testing.matrix import Row, everyone

ROWS: list[Row] = [
    Row("api:schema", get=everyone(200), post=everyone(405)),
    Row("api:api-root", get=everyone(200), post=everyone(405)),
]
