# Multi-stage build: dependencies are installed in a builder stage from the
# hash-locked requirements; the final image runs as an unprivileged user.
# Base images are pinned to a release (Python 3.12.12 on Debian 13 "trixie");
# move both stages to a newer patch release deliberately, together.

FROM python:3.12.12-slim-trixie AS builder
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /venv
COPY requirements.lock /tmp/requirements.lock
RUN /venv/bin/pip install --require-hashes --no-deps -r /tmp/requirements.lock

FROM python:3.12.12-slim-trixie AS app
ENV PATH="/venv/bin:$PATH" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=portal.settings.production
RUN groupadd --system portal && useradd --system --gid portal --home-dir /app portal
COPY --from=builder /venv /venv
WORKDIR /app
COPY --chown=portal:portal . /app
# Static files and compiled translations are built into the image under the
# production settings, which refuse to load without their variables. These
# values exist for this step only (they are not ENV, so no container sees
# them): every server they name ends in .invalid, a name that never resolves,
# so nothing is contacted while building, and the key encrypts nothing.
# tests/portal/test_production_build.py runs this step as written.
RUN export SECRET_KEY=build-only-signing-key-never-used-by-a-running-site-0123456789 \
        ALLOWED_HOSTS=build.invalid \
        DATABASE_URL=postgres://build@database.invalid:5432/build \
        REDIS_URL=redis://redis.invalid:6379/1 \
        CELERY_BROKER_URL=redis://redis.invalid:6379/0 \
        WAGTAILADMIN_BASE_URL=https://build.invalid \
        EMAIL_HOST=smtp.invalid \
        INQUIRY_ENCRYPTION_KEYS=YnVpbGQtb25seS1rZXktbm90LWZvci1hbnktZGF0YSE= \
    && python manage.py collectstatic --noinput \
    && python manage.py compile_translations
RUN mkdir -p /app/var/media && chown -R portal:portal /app/var
USER portal
EXPOSE 8000
# bind, workers and the access log's format live in gunicorn.conf.py.
CMD ["gunicorn", "--config", "gunicorn.conf.py"]
