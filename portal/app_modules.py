"""Find a module of the same name in every installed app (``demo``, ``roles``).

This is how the site-wide layer runs what apps above it provide without
importing them: ``load_demo`` loads each app's ``demo`` module and
``setup_roles`` each app's ``roles`` module, in the order of their ``ORDER``.
"""

import importlib

from django.apps import apps


def app_modules(name):
    modules = []
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.{name}":
                raise
            continue
        if hasattr(module, "ORDER"):
            modules.append(module)
    return sorted(modules, key=lambda module: module.ORDER)
