"""Article -> facts: every figure's quantity, what it counts, its indicator, whose it is, its year and
status. Plain functions over plain data: imports text, language, models and settings, and no database,
network, Arrow or Prefect."""
