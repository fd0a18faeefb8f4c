"""The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE): alt text is
required unless the image is marked decorative, and replacing an image's
file queues its new renditions."""

from django import forms
from wagtail.images.forms import BaseImageForm

from portal import tasks


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].label = "Alt text"
            self.fields["description"].help_text = (
                "What the image shows, for people who cannot see it. Required unless the image is decorative."
            )

    def clean(self):
        cleaned = super().clean()
        if "description" in self.fields and not cleaned.get("description", "").strip() \
                and not cleaned.get("is_decorative"):
            self.add_error("description", forms.ValidationError(
                "Describe what the image shows (alt text), or tick 'Decorative' if it only adds atmosphere.",
                code="alt_text_required",
            ))
        return cleaned

    def save(self, commit=True):
        file_replaced = "file" in self.changed_data and bool(self.original_file)
        image = super().save(commit=commit)
        if commit and file_replaced:
            tasks.queue_after_commit(tasks.make_image_renditions, image.pk)
        return image
