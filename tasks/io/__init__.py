"""The outside world: files, HTTP, feeds, the sources file, Arrow tables, the DuckDB store, export, report,
run summaries. The one layer that reads and writes anything but its arguments; it may import every
layer below it (meaning, text, language, models, settings), and the flows import it."""
