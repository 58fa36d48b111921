"""REST and SPARQL 1.1 API on FastAPI."""
