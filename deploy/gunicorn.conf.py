"""gunicorn settings for one plenary app process (`gunicorn -c deploy/gunicorn.conf.py
plenary.wsgi`). Run several behind the proxy, each on its own port (PORT)."""

import os

bind = f"127.0.0.1:{os.environ.get('PORT', '8001')}"
# Sync workers: plenary's requests are short database work; two per core is the usual start.
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
worker_class = "sync"
timeout = 120
graceful_timeout = 30
# Recycle workers now and then, so that a slow leak cannot grow for weeks.
max_requests = 2000
max_requests_jitter = 200
# The proxy on this host sets X-Forwarded-Proto; gunicorn believes it only from there.
forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES", "127.0.0.1")
accesslog = None  # plenary writes its own access lines (ACCESS_LOG), with the request id
errorlog = "-"
loglevel = "warning"
