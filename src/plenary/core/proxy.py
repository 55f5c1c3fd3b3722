"""The client's real address behind the reverse proxy.

Behind nginx every request comes from the proxy's address. When the peer is one of
TRUSTED_PROXIES, REMOTE_ADDR becomes the address the proxy put in `X-Real-IP` (see
deploy/nginx/plenary.conf), so login throttling and the logs see the real client.
A request from anywhere else keeps its peer address: the header is not trusted.
"""

import ipaddress

from django.conf import settings


class RealClientAddress:
    def __init__(self, get_response):
        self.get_response = get_response
        # Addresses or networks ("127.0.0.1", "172.16.0.0/12" for a container network).
        self.trusted = [ipaddress.ip_network(a, strict=False) for a in settings.TRUSTED_PROXIES]

    def __call__(self, request):
        if self.trusted:
            peer = request.META.get("REMOTE_ADDR", "")
            real = request.headers.get("X-Real-IP", "").strip()
            try:
                address = ipaddress.ip_address(peer)
                if real and any(address in network for network in self.trusted):
                    request.META["REMOTE_ADDR"] = str(ipaddress.ip_address(real))
            except ValueError:  # a malformed address: keep the peer's
                pass
        return self.get_response(request)
