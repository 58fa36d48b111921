"""Graph views: RDF → NetworkX → pyvis pages and exports."""
