"""gunicorn's settings, in one place: the Docker image's CMD and the web
service in docker-compose.yml both run ``gunicorn --config gunicorn.conf.py``.

Options in the GUNICORN_CMD_ARGS environment variable or on the command line
override these (tests/portal/test_production_build.py binds to a free port
that way).
"""

wsgi_app = "portal.wsgi:application"

# Every interface inside the container; docker-compose.yml publishes the port
# on the host's 127.0.0.1 only, for the TLS proxy in front.
bind = "0.0.0.0:8000"
workers = 3

# One access-log line per request, on stdout: time, method, path, status,
# bytes sent, duration. Deliberately absent:
# - the client's address (%(h)s) and X-Forwarded-For: a visitor's IP next to
#   the page they posted to (the appointment form) is health information;
# - the query string (%(q)s, or %(r)s, the raw request line): ?near=<ZIP> and
#   ?lat=&lng= are where a visitor is;
# - the Referer (%(f)s), which carries the previous page's query string.
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
errorlog = "-"

# Workers' heartbeat files in memory: on the container's disk-backed /tmp a
# slow write can make gunicorn think a worker hangs.
worker_tmp_dir = "/dev/shm"

# No control socket: nothing uses gunicornc, and its default path
# ($HOME/.gunicorn/gunicorn.ctl) would be shared by every gunicorn one user runs.
control_socket_disable = True
