"""A rate limit counted in the database, so all web processes share it. Keys are keyed
hashes, so no IP address or email is stored."""

from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.crypto import salted_hmac

from advisory.models import RateLimitHit

WINDOW = timedelta(hours=1)


def client_address(request) -> str:
    """The address a request came from. Behind TRUSTED_PROXIES proxies, the one the outermost
    of them saw, which it appended to X-Forwarded-For; what stands before it in the header is
    whatever the client sent, so it is never used."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXIES
    if proxies:
        header = request.META.get("HTTP_X_FORWARDED_FOR", "")
        forwarded = [part.strip() for part in header.split(",") if part.strip()]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    return address


def question_keys(ip: str, email: str) -> list[str]:
    """The keys a new question counts against: the address it came from, and who asks."""
    return [_key("ip:question", ip or "unknown"), _key("identity", email)]


def message_keys(reference: str) -> list[str]:
    """The key a message on a case counts against: the case alone. Only someone given the
    case's secret link can write one, and the people of a værested, sharing one internet
    connection, each answer back on their own case."""
    return [_key("case", reference)]


def reserve(keys: list[str]) -> bool:
    """Count one submission against ``keys`` unless one has reached the hourly limit; False
    then. Call inside a transaction: each key is locked until it commits, so simultaneous
    submissions are counted one after the other."""
    since = timezone.now() - WINDOW
    with connection.cursor() as cursor:
        for key in sorted(keys):
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int(key[:15], 16)])
    RateLimitHit.objects.filter(created_at__lt=since).delete()
    limit = settings.ASK_LIMIT_PER_HOUR
    if any(
        RateLimitHit.objects.filter(key=k, created_at__gte=since).count() >= limit for k in keys
    ):
        return False
    RateLimitHit.objects.bulk_create([RateLimitHit(key=k) for k in keys])
    return True


def _key(kind: str, value: str) -> str:
    return salted_hmac("advisory.ratelimit", f"{kind}:{value.strip().lower()}").hexdigest()
