from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .models import Post

BADGE = '<span class="badge">new</span>'


def search(request):
    q = request.GET.get("q", "")
    # request data marked safe, straight from the query string
    # ruleid: launch.W121
    title = mark_safe(f"<h1>Results for {q}</h1>")
    # escaped first: safe
    # ok: launch.W121
    heading = mark_safe(f"<h1>Results for {escape(q)}</h1>")
    # format_html escapes its arguments: safe
    # ok: launch.W121
    subtitle = format_html("<p>Searching for {}</p>", q)
    # ruleid: launch.W121
    crumbs = SafeString("<nav>" + request.GET["path"] + "</nav>")
    # QueryDict.urlencode() percent-encodes everything that means something in HTML
    # ok: launch.W121
    again = mark_safe(f'<a href="?{request.GET.urlencode()}">again</a>')
    return render(request, "blog/search.html", {"title": title, "heading": heading, "subtitle": subtitle, "crumbs": crumbs, "again": again})


def preview(request):
    body = request.POST["body"]
    # the value is filled in before format_html can escape it
    # ruleid: launch.W121
    html = format_html(f"<div class='preview'>{body}</div>")
    return HttpResponse(html)


def badge(request):
    post = Post.objects.get(pk=request.GET["pk"])
    # constant markup
    # ok: launch.W121
    new = mark_safe('<span class="badge">new</span>')
    # a module constant
    # ok: launch.W121
    new2 = mark_safe(BADGE)
    # formatted from constants only
    # ok: launch.W121
    icon = mark_safe(f"<i>{BADGE}</i>")
    # a database value put into HTML unescaped: a note (is post.title something a user wrote?)
    # note: launch.W121
    title = mark_safe("<b>%s</b>" % post.title)
    # format_html misused with a value of unknown origin: a note
    # note: launch.W121
    label = format_html("<b>{}</b>".format(post.author_name))
    # the right way to join rows
    # ok: launch.W121
    rows = format_html_join("\n", "<li>{}</li>", ((t,) for t in post.tags))
    # a template extended with template pieces, values passed separately
    # ok: launch.W121
    link = format_html('<a href="{}">{}</a>' + EXTRA, post.url, post.title, post.pk)
    return HttpResponse(new + new2 + icon + title + label + rows + link)


EXTRA = " <small>({})</small>"


def render_comment(text):
    # ruleid: launch.W121
    return mark_safe("<p>" + text + "</p>")


def comment(request):
    return HttpResponse(render_comment(request.POST["text"]))


def render_rows(form):
    # pieces rendered elsewhere (a form's own HTML, rows joined together): not data put in here
    rows = [field.label_tag() for field in form]
    # ok: launch.W121
    table = mark_safe("<table>%s</table>" % "".join(rows))
    # ok: launch.W121
    errors = mark_safe("<div>" + str(form.errors) + form.as_p() + "</div>")
    return table + errors


def sign_in_prompt(request):
    # get_full_path() is percent-encoded by Django (", <, >, spaces become %XX): inside a link's double-quoted href
    # it cannot close the attribute or open a tag
    # ok: launch.W121
    link = mark_safe('<a href="/accounts/login/?next=%s">sign in</a>' % request.get_full_path())
    # but ' survives the encoding: it closes a single-quoted attribute
    # ruleid: launch.W121
    quoted = mark_safe("<a href='/accounts/login/?next=%s'>sign in</a>" % request.get_full_path())
    # a raw query-string value is not encoded at all
    # ruleid: launch.W121
    raw = mark_safe('<a href="/accounts/login/?next=%s">sign in</a>' % request.GET.get("next", ""))
    # a translated .format() template, a local assigned once, then put into element text
    here = _('<a href="{url}?next={back}">here</a>').format(url=reverse("login"), back=request.get_full_path_info())
    # ok: launch.W121
    prompt = mark_safe(f"Please click {here} to sign in.")
    # the same fragment inside a single-quoted attribute (a popover's HTML): ' ends it
    # ruleid: launch.W121
    popover = mark_safe(f"<span data-content='{here}'>?</span>")
    # element text after markup
    # ok: launch.W121
    crumb = mark_safe(f"<small>You are at {request.get_full_path()}</small>")
    # no markup before it: nothing shows it lands in element text
    # ruleid: launch.W121
    bare = mark_safe("Next: %s" % request.get_full_path())
    # an event handler: ' ends the JavaScript string
    # ruleid: launch.W121
    back = mark_safe(f'<button onclick="go(\'{request.get_full_path()}\')">back</button>')
    # a javascript: URL is script too
    # ruleid: launch.W121
    jump = mark_safe(f'<a href="javascript:go(\'{request.get_full_path()}\')">back</a>')
    # inside <script>
    # ruleid: launch.W121
    script = mark_safe("<script>var next = '" + request.get_full_path() + "';</script>")
    # the encoded path is inert, the raw query value beside it is not
    # ruleid: launch.W121
    both = mark_safe(f'<a href="{request.get_full_path()}">{request.GET["q"]}</a>')
    # format_html given a format string with only the encoded path filled in
    # ok: launch.W121
    again = format_html(f'<a href="{request.get_full_path()}">{{}}</a>', "again")
    # build_absolute_uri() of a stored path: the validated host and that path, percent-encoded the same way
    # ok: launch.W121
    source = mark_safe('<a href="%s">source</a>' % request.build_absolute_uri(Post.objects.first().slug))
    # ...but of a location from the request: a javascript: URL passes through untouched
    # ruleid: launch.W121
    echo = mark_safe('<a href="%s">source</a>' % request.build_absolute_uri(request.GET["to"]))
    return HttpResponse(link + quoted + raw + prompt + popover + crumb + bare + back + jump + script + both + again + source + echo)
