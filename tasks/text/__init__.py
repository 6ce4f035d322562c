"""Bytes -> a clean Article: decoding, Unicode repair, text dumps, HTML, metadata. Plain functions over
plain data: imports language, models and settings, and no database, network, Arrow or Prefect."""
