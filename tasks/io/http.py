"""The connections a fetch makes: only to addresses its policy allows, resolved once and connected to as
checked, and each request under a deadline for the whole of it.

A fetch follows links third parties choose (a feed's items, a listing's links, a server's redirects), so
by default it connects only to the public Internet: a host that resolves to a loopback, private,
link-local, carrier-grade NAT, multicast, reserved or unspecified address is refused before any packet
is sent to it. The check and the connection use the same resolution (``pinned``): no second lookup that
a hostile DNS server could answer differently.

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


class Refused(Exception):
    """A URL this fetcher will not connect to; the message says why."""


def address_refusal(address: str) -> str | None:
    """Why an IP address is not on the public Internet, or None when it is."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone ("fe80::1%eth0") names no other host
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for test, name in ((lambda: ip.is_unspecified, "unspecified"), (lambda: ip.is_loopback, "loopback"),
                       (lambda: ip.is_link_local, "link-local"), (lambda: ip.is_multicast, "multicast"),
                       (lambda: ip in _CARRIER_GRADE_NAT, "carrier-grade NAT"), (lambda: ip.is_reserved, "reserved"),
                       (lambda: ip.is_private, "private"), (lambda: not ip.is_global, "not public")):
        if test():
            return f"{name} address {ip}"
    return None


def checked_addresses(host: str, port: int, allow_private: bool) -> list[Address]:
    """Where host:port may be connected to: every address it resolves to, each allowed by the policy;
    Refused if it does not resolve or if any address is not public (unless allow_private)."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise Refused(f"host {host} does not resolve ({exc})") from None
    addresses = list(dict.fromkeys((family, sockaddr) for family, _, _, _, sockaddr in found))
    if not allow_private:
        for _, sockaddr in addresses:
            why = address_refusal(sockaddr[0])
            if why:
                raise Refused(f"{host} resolves to a {why}: only public addresses are fetched"
                              " (allow_private_networks = true in the sources file's [fetch] table allows it)")
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
    _current.deadline, _current.timers = at, []
    try:
        yield
    finally:
        for timer in _current.timers:
            timer.cancel()
        _current.deadline, _current.timers = float("inf"), None


@contextmanager
def pinned(addresses: dict[tuple[str, int], list[Address]]) -> Iterator[None]:
    """Connections this thread opens in the block go only to these checked addresses of these (host, port)s."""
    _current.addresses = addresses
    try:
        yield
    finally:
        _current.addresses = None


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


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class GuardedAdapter(HTTPAdapter):
    """requests' transport, with connections that keep to the calling thread's guarded_request."""

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _GuardedHTTPPool, "https": _GuardedHTTPSPool}
