"""What the text and meaning rules both stand on: keys for comparing Vietnamese words, the gazetteer of
provinces and places, the shared word lists (lexicon), regexes built from word lists. Imports only
models and settings."""
