from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def icon(name):
    # a template tag's argument comes from a template: unknown origin, a note
    # note: launch.W121
    return mark_safe(f'<i class="icon icon-{name}"></i>')


@register.filter
def highlight(value):
    # ok: launch.W121
    return format_html("<mark>{}</mark>", value)


@register.simple_tag
def plain(value):
    # marking a value safe without formatting it here: not judged (nothing to see)
    # ok: launch.W121
    return mark_safe(value)
