#!/usr/bin/env python3
"""A counter's day against a service started with the local profile, for the dashboard's graphs.

Issues cards, activates them at the service hall, the bank counter and through WeChat; gets some
PINs wrong until an account locks; guesses identities until a card is blocked for channel clients;
fails sign-ins until they are throttled; retries with the same Idempotency-Key. Only the README's
published demo credentials are used.

    python3 docs/dashboard/traffic.py http://localhost:8080 300   # base URL, seconds
"""
import base64
import datetime
import itertools
import json
import random
import sys
import time
import urllib.error
import urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
SECONDS = int(sys.argv[2]) if len(sys.argv) > 2 else 300
PASSWORD = "demo-password-2026"
SECRET = "demo-client-secret-2026-sscard"


def call(method, path, token=None, body=None, basic=None, headers=None):
    request = urllib.request.Request(BASE + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if basic:
        request.add_header("Authorization", "Basic " + base64.b64encode(":".join(basic).encode()).decode())
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, None


def token(user, secret=PASSWORD):
    status, answer = call("POST", "/api/v1/auth/token", basic=(user, secret))
    assert status == 200, (user, status)
    return answer["access_token"]


def id_number(region, birth, sequence):
    first17 = f"{region}{birth:%Y%m%d}{sequence:03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights)) % 11]


def luhn(payload):
    for check in range(10):
        digits = [int(c) for c in payload + str(check)][::-1]
        if sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(digits)) % 10 == 0:
            return payload + str(check)


serial = itertools.count(int(time.time()) % 100000 * 100)


def issue(admin, region="440305", bank="ICBC"):
    n = next(serial)
    card = {"cardNumber": f"D{n % 100000000:08d}",
            "holder": {"idNumber": id_number(region, datetime.date(1960, 1, 1) + datetime.timedelta(days=n % 20000),
                                             100 + n % 800), "name": f"演示{n % 10000}"},
            "insuredRegionCode": region,
            "financialAccount": {"bankCode": bank, "accountNumber": luhn(f"62{n:016d}")}}
    status, _ = call("POST", "/api/v1/admin/cards", admin, card)
    assert status == 201, status
    return card


def main():
    admin, hall, teller = token("admin"), token("sz.hospital"), token("sz.icbc")
    wechat = token("wechat-demo", SECRET)
    end = time.time() + SECONDS
    rounds = 0
    while time.time() < end:
        rounds += 1
        card = issue(admin)
        number, holder = card["cardNumber"], card["holder"]
        path = f"/api/v1/cards/{number}"
        social = {"currentPin": "123456", "newPin": "802514", "phone": "13812345678"}
        if random.random() < 0.15:
            # Wrong initial PINs at the hospital until the account locks.
            for _ in range(3):
                call("POST", path + "/social-security-account/activation", hall, dict(social, currentPin="000000"))
        else:
            key = {"Idempotency-Key": f"traffic-{number}"}
            call("POST", path + "/social-security-account/activation", hall, social, headers=key)
            if random.random() < 0.3:
                # The counter's network dropped the answer: the retry is replayed, not done twice.
                call("POST", path + "/social-security-account/activation", hall, social, headers=key)
        financial = {"idNumber": holder["idNumber"], "holderName": holder["name"], "phone": "13812345678",
                     "newPin": "731946"}
        if random.random() < 0.1:
            # Someone guessing names through WeChat until the card is blocked for channel clients.
            for guess in range(6):
                call("POST", path + "/financial-account/activation", wechat, dict(financial, holderName=f"猜{guess}"))
        elif random.random() < 0.5:
            call("POST", path + "/financial-account/activation", wechat, financial)
        else:
            call("POST", path + "/financial-account/activation", teller, financial)
        call("GET", path, teller)
        call("POST", path + "/social-security-account/activation", None, social)  # no token: 401
        if rounds % 10 == 0:
            for attempt in range(12):
                call("POST", "/api/v1/auth/token", basic=(f"nobody{rounds}", f"wrong-{attempt}"))
        time.sleep(0.05)
    print(f"{rounds} rounds")


if __name__ == "__main__":
    main()
