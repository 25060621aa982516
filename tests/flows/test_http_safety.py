import asyncio

import pytest

from flows.errors import BlockedAddress
from flows.http import Client, check_address
from flows.settings import CrawlSettings


@pytest.mark.parametrize("host", ["127.0.0.1", "10.0.0.1", "169.254.169.254", "::1", "::ffff:127.0.0.1"])
def test_non_public_addresses_are_refused(host):
    with pytest.raises(BlockedAddress):
        check_address(host, allow_private=False)


def test_loopback_is_refused_by_the_client_without_allow_private(demo_site):
    async def go():
        async with Client(CrawlSettings(delay_s=0)) as c:
            await c.get(demo_site + "/")
    with pytest.raises(BlockedAddress):
        asyncio.run(go())
