"""Settings from ``ZONEKG_*`` environment variables (and an optional ``.env``).

Nothing else reads the environment; code asks :func:`get_settings`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

MEMORY = ":memory:"
BUNDLED_CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ZONEKG_", env_file=".env", extra="ignore")

    store: str = "./data/store"
    """Folder of the embedded store, or ``:memory:`` for an in-memory one."""
    sparql_url: str | None = None
    """Query endpoint of a remote SPARQL server; when set it is used instead of the embedded store."""
    sparql_update_url: str | None = None
    """Update endpoint of the remote server (defaults to ``sparql_url``)."""
    sparql_gsp_url: str | None = None
    """Graph Store Protocol endpoint of the remote server, if it has one."""
    sparql_user: str | None = None
    sparql_password: SecretStr | None = None
    sparql_auth: Literal["basic", "digest"] = "basic"
    """How the credentials are sent: HTTP Basic, or Digest (Virtuoso's ``/sparql-auth``)."""

    corpus: Path = BUNDLED_CORPUS
    """Documents ingested when the service starts on an empty store (default: the bundled demo corpus)."""
    host: str = "127.0.0.1"
    port: int = 8000
    cors_origins: str = ""
    """Web origins whose pages may call the API from a browser (comma-separated, or ``*``); empty: none."""
    forwarded_allow_ips: str = "127.0.0.1"
    """Proxies whose X-Forwarded-For names the client (comma-separated IPs, or ``*``); per-client limits key on it."""
    api_token: SecretStr | None = None
    """Bearer token for updates and document uploads; without one they are refused."""
    query_timeout_s: float = 10.0
    max_rows: int = 10_000
    max_answer_bytes: int = 32 * 1024 * 1024
    """Cap on a public SPARQL answer's terms (N-Triples characters); a longer answer is cut (X-SPARQL-MaxBytes)."""
    query_workers: int = 2
    query_copy_bytes: int = 256 * 1024**2
    """Largest default graph (bytes of N-Triples) each query worker copies into memory for the queries that read
    only it; a copy takes about 2.7 times that (0: queries always read the on-disk snapshot)."""
    client_concurrency: int = 1
    """Queries one client IP may have running on /sparql at once (0: no bound)."""
    client_query_seconds_per_minute: float = 60.0
    """Query time one client IP may use per sliding minute before 429 (0: no bound)."""
    client_errors_per_minute: int = 30
    """Failed queries one client IP may send per sliding minute before 429 (0: no bound)."""
    client_faults_per_minute: int = 2
    """Queries one client IP may have time out or crash a worker per sliding minute before 429 (0: no bound).
    Each also costs the client the full time limit, and demotes it to the slow lane for a minute."""
    max_document_bytes: int = 20 * 1024 * 1024
    max_document_chars: int = 2_000_000
    """Most characters of text one document may hold (after decoding, and after normalisation); more: refused."""
    extract_timeout_s: float = 60.0
    """Time one document's extraction may take; a document still running is stopped and refused."""
    extract_memory_bytes: int = 2 * 1024**3
    """Address-space limit of each process that extracts uploaded documents; a document needing more is refused."""
    extract_workers: int = 2
    """Processes that extract uploaded documents (outside the store's write lock)."""
    body_timeout_s: float = 120.0
    """Time a client has to send a whole request body once its head is in; slower: 408, connection closed."""
    max_header_bytes: int = 64 * 1024
    """Largest request head (request line and headers) the server reads; more: 431."""
    max_headers: int = 100
    """Most header fields in one request; more: 431."""
    header_timeout_s: float = 10.0
    """Time a client has to send a whole request head; slower: 408 and the connection is closed."""

    @property
    def cors_origin_list(self) -> list[str]:
        return [origin.strip() for origin in self.cors_origins.split(",") if origin.strip()]

    @property
    def in_memory(self) -> bool:
        return self.store == MEMORY

    @property
    def store_path(self) -> Path | None:
        return None if self.in_memory else Path(self.store)


@lru_cache
def get_settings() -> Settings:
    return Settings()
