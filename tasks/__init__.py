"""The pure core of cds-facts: plain functions over plain data, no Prefect, no database.

A document goes through the modules in this order: ``sources`` (find and read
files) -> ``clean`` (``unicode``, ``textdump``, ``html``, ``metadata``) ->
``extract`` (``sentences``, ``numbers``, ``places``, ``indicators``,
``periods``) -> ``tables`` (Arrow) -> ``load`` (DuckDB, the one module that
opens the warehouse). ``pipeline`` composes them per batch.
"""
