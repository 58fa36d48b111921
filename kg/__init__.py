"""zonekg core: ontology terms, IRIs, settings, the graph store and the CLI."""

__version__ = "0.1.0"
