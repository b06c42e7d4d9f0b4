"""One settings class, read from STORMDRILL_* environment variables (or a .env file)."""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from app.core.limits import MAX_DOCUMENT_BYTES
from app.core.timezones import valid_zone

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SECRET = "change-me-in-production"


class Settings(BaseSettings):
    """Every setting the application reads; each is documented in the README."""

    model_config = SettingsConfigDict(env_prefix="STORMDRILL_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    secret_key: str = DEFAULT_SECRET
    database_url: str = Field(default=f"sqlite:///{ROOT / 'var' / 'stormdrill.db'}")
    db_pool_size: int = Field(default=10, ge=1)
    db_max_overflow: int = Field(default=20, ge=0)
    host: str = "127.0.0.1"
    port: int = 8000
    default_language: Literal["en", "fr"] = "en"
    default_time_zone: str = "UTC"
    session_max_age_s: int = 12 * 3600
    login_attempts_per_window: int = 5
    login_window_s: int = 300
    login_attempts_per_address: int = 30
    trusted_proxies: str = ""
    redis_url: str | None = None
    live_retention_s: int = 3600
    log_format: Literal["json", "text"] = "text"
    scenarios_dir: Path = ROOT / "scenarios"
    rehearsal_min_share: float = Field(default=0.3, ge=0, le=1)
    max_document_bytes: int = Field(default=MAX_DOCUMENT_BYTES, gt=0)
    score_budget_s: float = Field(default=10.0, gt=0)
    hsts_max_age_s: int = Field(default=31_536_000, ge=0)

    @property
    def is_development(self) -> bool:
        return self.environment != "production"

    @property
    def hsts_max_age(self) -> int | None:
        """Strict-Transport-Security's max age: production only (it is served over HTTPS)."""
        production = self.environment == "production"
        return self.hsts_max_age_s if production and self.hsts_max_age_s else None

    @field_validator("default_time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        if valid_zone(value) is None:
            raise ValueError(f"STORMDRILL_DEFAULT_TIME_ZONE: unknown time zone {value!r}")
        return value

    @model_validator(mode="after")
    def _refuse_default_secret(self) -> "Settings":
        if self.environment == "production" and self.secret_key == DEFAULT_SECRET:
            raise ValueError(
                "STORMDRILL_SECRET_KEY must be set to a real secret when "
                "STORMDRILL_ENVIRONMENT=production"
            )
        return self


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
