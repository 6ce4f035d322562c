"""The connections a fetch makes: only to addresses its policy allows, resolved once and connected to as
checked, and each request under a deadline for the whole of it.

A fetch follows links third parties choose (a feed's items, a listing's links, a server's redirects), so
by default it connects only to the public Internet: a host that resolves to a loopback, private,
link-local, carrier-grade NAT, multicast, reserved or unspecified address is refused before any packet
is sent to it. An intranet crawl widens that to loopback, private and carrier-grade NAT addresses; a
cloud metadata endpoint stays refused unless its address is named (``policy_refusal``). The check and
the connection use the same resolution (``pinned``): no second lookup that a hostile DNS server could
answer differently.

``GuardedAdapter`` is a requests transport whose connections take their addresses from what the calling
thread pinned (``pinned``); a connection to a host not pinned is refused. A timer cuts each connection at
the thread's deadline (``deadline``), so a server trickling a byte a second cannot hold a fetch longer
than that: a socket's read timeout counts per read, not per request.
"""
from __future__ import annotations

import ipaddress
import socket
import threading
import time
from contextlib import contextmanager
from typing import Iterator

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError

Address = tuple[int, tuple]  # (socket family, socket address), as getaddrinfo gives them

_CARRIER_GRADE_NAT = ipaddress.ip_network("100.64.0.0/10")

# What an intranet crawl (allow_private_networks) reaches besides the public Internet: its own networks.
# Link-local, multicast, reserved and unspecified addresses stay refused: no site is served there.
INTRANET_KINDS = ("loopback", "private", "carrier-grade NAT")

# Cloud instance-metadata services hand the machine's credentials to whoever asks them; a redirect or a feed
# item that points there is an attack, intranet crawl or not. Only allow_addresses reaches them.
METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254",  # AWS, Azure, Google Cloud, Oracle, OpenStack, DigitalOcean
    "169.254.170.2",  # AWS ECS task credentials
    "fd00:ec2::254",  # AWS over IPv6
    "fd20:ce::254",  # Google Cloud over IPv6
    "100.100.100.200",  # Alibaba Cloud
))
METADATA_HOSTS = frozenset(("metadata.google.internal", "metadata.goog", "instance-data",
                            "instance-data.ec2.internal"))

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class Refused(Exception):
    """A URL this fetcher will not connect to; the message says why."""


def _ip(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone ("fe80::1%eth0") names no other host
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        return ip.ipv4_mapped
    return ip


def address_kind(address: str) -> str | None:
    """What kind of address off the public Internet this is (loopback, private, link-local ...), or None."""
    ip = _ip(address)
    for test, kind in ((lambda: ip.is_unspecified, "unspecified"), (lambda: ip.is_loopback, "loopback"),
                       (lambda: ip.is_link_local, "link-local"), (lambda: ip.is_multicast, "multicast"),
                       (lambda: ip in _CARRIER_GRADE_NAT, "carrier-grade NAT"), (lambda: ip.is_reserved, "reserved"),
                       (lambda: ip.is_private, "private"), (lambda: not ip.is_global, "not public")):
        if test():
            return kind
    return None


def address_refusal(address: str) -> str | None:
    """Why an IP address is not on the public Internet ("loopback address 127.0.0.1"), or None when it is."""
    kind = address_kind(address)
    return f"{kind} address {_ip(address)}" if kind else None


def allowed_networks(entries: tuple[str, ...] | list[str]) -> tuple[IPNetwork, ...]:
    """allow_addresses as networks ("10.1.2.3", "10.8.0.0/16", "fd00::/8"); ValueError names a bad one."""
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(str(entry), strict=False))
        except ValueError:
            raise ValueError(f"allow_addresses: {entry!r} is not an IP address or network") from None
    return tuple(networks)


def _with_article(words: str) -> str:
    return f"{'an' if words[0] in 'aeiou' else 'a'} {words}"


def policy_refusal(host: str, address: str | None, allow_private: bool,
                   allowed: tuple[IPNetwork, ...] = ()) -> str | None:
    """Why host (at address, once resolved) is not to be connected to, or None. By default only public
    addresses are; allow_private adds INTRANET_KINDS; a cloud metadata endpoint is refused either way.
    An address inside an allowed network is connected to whatever it is."""
    ip = _ip(address) if address else None
    if ip is not None and any(ip in network for network in allowed):
        return None
    if host.lower().rstrip(".") in METADATA_HOSTS or ip in METADATA_ADDRESSES:
        where = f" ({ip})" if ip else ""
        return (f"{host}{where} is a cloud instance-metadata endpoint: never fetched unless its address is"
                " named in the sources file's allow_addresses")
    kind = address_kind(address) if address else None
    if kind is None or (allow_private and kind in INTRANET_KINDS):
        return None
    said = f"{host} resolves to {_with_article(address_refusal(address))}"
    if allow_private:
        return (f"{said}: an intranet crawl reaches loopback, private and carrier-grade NAT addresses only"
                " (allow_addresses in the sources file names others)")
    return (f"{said}: only public addresses are fetched"
            " (allow_private_networks = true in the sources file's [fetch] table allows it)")


def checked_addresses(host: str, port: int, allow_private: bool,
                      allowed: tuple[IPNetwork, ...] = ()) -> list[Address]:
    """Where host:port may be connected to: every address it resolves to, each allowed by the policy
    (policy_refusal); Refused if the host is refused by name, does not resolve, or any address is refused."""
    refusal = policy_refusal(host, None, allow_private, allowed)
    if refusal:
        raise Refused(refusal)
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise Refused(f"host {host} does not resolve ({exc})") from None
    addresses = list(dict.fromkeys((family, sockaddr) for family, _, _, _, sockaddr in found))
    for _, sockaddr in addresses:
        refusal = policy_refusal(host, sockaddr[0], allow_private, allowed)
        if refusal:
            raise Refused(refusal)
    return addresses


class _Current(threading.local):
    addresses: dict[tuple[str, int], list[Address]] | None = None
    deadline: float = float("inf")
    timers: list[threading.Timer] | None = None


_current = _Current()


@contextmanager
def deadline(at: float) -> Iterator[None]:
    """Connections this thread opens in the block are cut at ``at`` (time.monotonic), reading or not; the
    cuts not yet due are called off when the block ends."""
    outer = _current.deadline, _current.timers  # a robots.txt asked in the middle of a request's redirects
    _current.deadline, _current.timers = at, []
    try:
        yield
    finally:
        for timer in _current.timers:
            timer.cancel()
        _current.deadline, _current.timers = outer


@contextmanager
def pinned(addresses: dict[tuple[str, int], list[Address]]) -> Iterator[None]:
    """Connections this thread opens in the block go only to these checked addresses of these (host, port)s."""
    outer, _current.addresses = _current.addresses, addresses
    try:
        yield
    finally:
        _current.addresses = outer


def _cut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)  # a read blocked on it returns at once
    except OSError:
        pass


class _Guarded:
    """A urllib3 connection that connects to its thread's pinned addresses, under its deadline."""

    def _new_conn(self) -> socket.socket:
        targets = (_current.addresses or {}).get((self._dns_host.lower(), self.port))
        if targets is None:
            raise Refused(f"{self._dns_host}:{self.port} was not checked for this request: not connecting")
        error: OSError | None = None
        for family, sockaddr in targets:
            sock = socket.socket(family, socket.SOCK_STREAM)
            try:
                if self.timeout is not None:
                    sock.settimeout(self.timeout)
                for option in self.socket_options or ():
                    sock.setsockopt(*option)
                sock.connect(sockaddr)
            except OSError as exc:
                sock.close()
                error = exc
                continue
            if _current.timers is not None:
                # Not called off when the connection closes: http.client closes it once the headers of a
                # response that ends the connection are in, and hands the socket to the response.
                timer = threading.Timer(max(0.0, _current.deadline - time.monotonic()), _cut, [sock])
                timer.daemon = True
                timer.start()
                _current.timers.append(timer)
            return sock
        if isinstance(error, TimeoutError):
            raise ConnectTimeoutError(self, f"Connection to {self.host} timed out. (connect timeout={self.timeout})")
        raise NewConnectionError(self, f"Failed to establish a new connection: {error}")


class _GuardedHTTPConnection(_Guarded, HTTPConnection):
    pass


class _GuardedHTTPSConnection(_Guarded, HTTPSConnection):
    pass


class _OneRequestPerConnection:
    """A pool that closes each connection once its response is done instead of keeping it for the next
    request. The fetcher asks for one connection per request (Connection: close, cut at its deadline); a
    server that closes without saying so would hand a kept connection's next request a dead socket."""

    def _put_conn(self, conn) -> None:
        if conn is not None:
            conn.close()
        super()._put_conn(None)  # the pool makes a new connection where it finds None


class _GuardedHTTPPool(_OneRequestPerConnection, HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(_OneRequestPerConnection, HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class GuardedAdapter(HTTPAdapter):
    """requests' transport, with connections that keep to the calling thread's guarded_request."""

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _GuardedHTTPPool, "https": _GuardedHTTPSPool}
