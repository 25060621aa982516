"""Which site a host belongs to: the registrable domain by the public suffix list.

Kept apart from flows/http.py so that reading local files and WARCs (ingest, extract) names outlets
without importing the HTTP client.
"""

from __future__ import annotations

import ipaddress

from tld import get_fld
from tld.exceptions import TldBadUrl, TldDomainNotFound


def site_of(host: str) -> str:
    """The registrable domain of a host by the public suffix list (tld): every village (*.desa.id), school
    (*.sch.id), office (*.go.id) or blog (*.blogspot.com) is its own site. Addresses are their own site;
    names outside the list (localhost, *.test) fall back to their last two labels."""
    try:
        return str(ipaddress.ip_address(host.strip("[]")))     # an address is its own site
    except ValueError:
        pass
    host = host.lower().rstrip(".")
    try:
        return str(get_fld(host, fix_protocol=True))
    except (TldBadUrl, TldDomainNotFound, ValueError):
        pass
    return ".".join(host.split(".")[-2:])
