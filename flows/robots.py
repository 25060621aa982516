"""robots.txt read as RFC 9309 says, with protego doing the rule matching.

protego (Scrapy's parser) matches Allow/Disallow paths well (longest match, wildcards, "$"), but where it
departs from RFC 9309 and Google's reference parser this module corrects its input before parsing:
- a UTF-8 byte-order mark is dropped (protego read "\\ufeffUser-agent" as an unknown line and lost the first
  group, so its Disallow lines were ignored);
- unknown lines are dropped (§2.2.4: they must be ignored; protego ended a group at one, so "User-agent: a /
  Noindex: x / User-agent: warta / Disallow: /" no longer applied its rules to warta);
- a group applies only when its user-agent value equals our product token, case aside (§2.2.1): protego
  matched any group whose name appears inside the whole User-Agent string, so a group "crawler" applied to
  "warta/0.5 (... news research crawler)" and a group "Foo" to "FooBot". Other groups are renamed to a name
  that matches nothing before protego sees them, and protego is asked with the product token alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from protego import Protego

#: the record types RFC 9309 and its common extensions define; every other line is ignored
KNOWN_RECORDS = frozenset({"user-agent", "allow", "disallow", "crawl-delay", "sitemap", "request-rate", "visit-time",
                           "host"})
_RECORD = re.compile(r"^\s*([A-Za-z-]+)\s*:\s*(.*?)\s*$")
_TOKEN = re.compile(r"[A-Za-z_-]+")
_NOBODY = "~"            # a group name no product token contains


def product_token(user_agent: str) -> str:
    """The product token of a User-Agent string ("warta/0.5 (+url; crawler)" -> "warta")."""
    m = _TOKEN.match(user_agent.strip())
    return m.group(0) if m else user_agent.strip()


def rfc9309_text(text: str, token: str) -> str:
    """The robots.txt lines protego should see: known records only, each group named either `token`, `*` or
    a name that matches nothing."""
    out = []
    for line in text.lstrip("\ufeff").splitlines():
        m = _RECORD.match(line.split("#", 1)[0])
        if not m or m.group(1).lower() not in KNOWN_RECORDS:
            continue
        key, value = m.group(1).lower(), m.group(2)
        if key == "user-agent":
            product = _TOKEN.match(value)
            name = value if value == "*" else (product.group(0) if product else "")
            value = "*" if name == "*" else token if name.lower() == token.lower() else _NOBODY
        out.append(f"{key}: {value}")
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class Robots:
    """The rules of one host for one crawler."""

    rules: Protego
    token: str

    @classmethod
    def parse(cls, body: bytes | str, user_agent: str) -> Robots:
        text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
        token = product_token(user_agent)
        return cls(Protego.parse(rfc9309_text(text, token)), token)

    def can_fetch(self, url: str) -> bool:
        return bool(self.rules.can_fetch(url, self.token))

    def crawl_delay(self) -> float | None:
        delay = self.rules.crawl_delay(self.token)
        return float(delay) if delay is not None else None

    @property
    def sitemaps(self) -> list[str]:
        return list(self.rules.sitemaps)


def disallow_all(user_agent: str) -> Robots:
    """What a 5xx or unreachable robots.txt means (RFC 9309 §2.3.1.4): nothing may be fetched."""
    return Robots.parse("User-agent: *\nDisallow: /\n", user_agent)
