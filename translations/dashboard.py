"""Dashboard panel "Translation queue": per language, what is out of date,
in progress and untranslated. Translators see their languages, Marketing
and administrators all of them."""

from wagtail.admin.ui.components import Component

from translations import access, queue


class TranslationQueuePanel(Component):
    name = "translation_queue"
    template_name = "translations/admin/queue_panel.html"
    order = 20

    def __init__(self, user):
        self.languages = access.languages_for(user)

    def get_context_data(self, parent_context=None):
        return {"queues": queue.queues_for(self.languages)}
