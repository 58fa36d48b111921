"""Turn Chinese zone reports and news into graph facts: load → normalise → segment → extract → resolve → emit."""
