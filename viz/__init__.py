"""Graph views, pages and exports: RDF → NetworkX → vis-network pages (built with pyvis) and graph files."""
