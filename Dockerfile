# Multi-stage build: dependencies are installed in a builder stage from the
# hash-locked requirements; the final image runs as an unprivileged user.

FROM python:3.12-slim AS builder
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /venv
COPY requirements.lock /tmp/requirements.lock
RUN /venv/bin/pip install --require-hashes --no-deps -r /tmp/requirements.lock

FROM python:3.12-slim AS app
ENV PATH="/venv/bin:$PATH" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=portal.settings.production \
    VAR_DIR=/app/var
RUN groupadd --system portal && useradd --system --gid portal --home-dir /app portal
COPY --from=builder /venv /venv
WORKDIR /app
COPY --chown=portal:portal . /app
# Static files and compiled translations are built into the image. The
# build-time values only satisfy the production settings' checks.
RUN SECRET_KEY=build-only ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.sqlite3 \
        python manage.py collectstatic --noinput \
    && python manage.py compile_translations \
    && mkdir -p /app/var/media && chown -R portal:portal /app/var
USER portal
EXPOSE 8000
CMD ["gunicorn", "portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-", "--access-logformat", "%(h)s %(t)s \"%(m)s %(U)s\" %(s)s %(b)s %(M)sms"]
