#!/usr/bin/env node
// A generated Django monolith for the speed benchmark (issue 10): `node bench/monolith.mjs [--out DIR] [--lines N]`.
// Deterministic — a seeded random generator, no clock, no machine state — so every machine benchmarks the same
// tree: a project `platform/` with settings split in base/production/dev/test, manage.py, wsgi/asgi, celery,
// a root URLconf including every app; then apps until the Python reaches N lines (default 1,000,000). Each app
// has what a real one has: models, views (function views, class-based views, DRF viewsets), urls, serializers,
// forms, admin, tasks, services, signals, template tags, a management command, tests and a migration history
// (an initial CreateModel migration, then AddField/AlterField/RemoveField/RenameField/RunPython steps). The code
// is what such apps hold, including what security linters look at, at realistic rates: requests calls (some
// without a timeout), raw SQL (some built from strings), redirects to a `next` parameter, csrf_exempt webhooks,
// mark_safe in template tags, yaml/pickle in importers, subprocess in commands, asserts in tests. Deploy files
// (Dockerfile, Procfile, compose, requirements, .gitignore) and a few HTML templates too.
// Written to DIR (default .cache/bench/monolith-<N>), unless DIR already holds this exact tree (a stamp file
// records the generator's version and N).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { realpathSync } from 'node:fs';
import { rng } from './cli.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Bump when the generated content changes: a stale tree is regenerated. */
const VERSION = 3;
const STAMP = '.monolith-stamp';

const NOUNS = [
  'account', 'invoice', 'order', 'product', 'customer', 'shipment', 'warehouse', 'payment', 'refund', 'coupon', 'review',
  'ticket', 'message', 'thread', 'channel', 'project', 'task', 'milestone', 'sprint', 'release', 'report', 'metric',
  'dashboard', 'widget', 'document', 'folder', 'attachment', 'comment', 'notification', 'subscription', 'plan', 'team',
  'member', 'role', 'permission', 'audit', 'event', 'schedule', 'booking', 'room', 'venue', 'course', 'lesson', 'quiz',
  'answer', 'survey', 'campaign', 'lead', 'contact', 'company', 'contract', 'quote', 'supplier', 'stock', 'batch',
  'device', 'sensor', 'reading', 'alert', 'incident', 'service', 'endpoint', 'webhook', 'integration', 'token', 'export',
  'import', 'catalog', 'category', 'tag', 'label', 'article', 'page', 'menu', 'banner', 'asset', 'license', 'vendor',
];
const APP_PREFIX = ['core', 'billing', 'crm', 'hr', 'ops', 'inventory', 'support', 'analytics', 'content', 'learning', 'sales', 'iot', 'workflow', 'portal', 'partners', 'logistics'];
const FIELD_KINDS = [
  (n) => `models.CharField(max_length=${[32, 64, 128, 255][n % 4]}${n % 3 === 0 ? ', blank=True' : ''})`,
  () => 'models.TextField(blank=True)',
  (n) => `models.IntegerField(default=${n % 10})`,
  () => 'models.PositiveIntegerField(default=0)',
  () => 'models.BooleanField(default=False)',
  () => 'models.DateTimeField(auto_now_add=True)',
  () => 'models.DateTimeField(null=True, blank=True)',
  () => 'models.DecimalField(max_digits=12, decimal_places=2, default=0)',
  () => 'models.EmailField(blank=True)',
  () => 'models.URLField(blank=True)',
  () => 'models.SlugField(max_length=80, unique=True)',
  () => 'models.JSONField(default=dict, blank=True)',
  () => 'models.UUIDField(default=uuid.uuid4, editable=False)',
  (n) => `models.CharField(max_length=20, choices=STATUS_CHOICES, default="draft", db_index=${n % 2 === 0 ? 'True' : 'False'})`,
];

const cap = (s) => s.replace(/(^|_)(\w)/g, (_m, _u, c) => c.toUpperCase());
const lines = (arr) => `${arr.join('\n')}\n`;

class Gen {
  constructor(seed) {
    this.random = rng(seed);
  }
  int(lo, hi) {
    return lo + Math.floor(this.random() * (hi - lo + 1));
  }
  pick(arr) {
    return arr[Math.floor(this.random() * arr.length)];
  }
  chance(p) {
    return this.random() < p;
  }
  sample(arr, n) {
    const copy = [...arr];
    const out = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(this.random() * copy.length), 1)[0]);
    return out;
  }
}

function fieldName(g, i) {
  return `${g.pick(['name', 'title', 'code', 'status', 'amount', 'notes', 'reference', 'priority', 'weight', 'score', 'email', 'url', 'slug', 'data', 'due', 'sent', 'opened', 'closed', 'region', 'owner_note', 'external_id', 'position', 'quantity', 'price', 'currency', 'summary'])}_${i}`;
}

function makeApp(g, index) {
  const name = `${APP_PREFIX[index % APP_PREFIX.length]}_${NOUNS[index % NOUNS.length]}${index >= NOUNS.length ? `_${Math.floor(index / NOUNS.length)}` : ''}`;
  const modelCount = g.int(6, 14);
  const models = g.sample(NOUNS, modelCount).map((n, i) => {
    const fields = Array.from({ length: g.int(8, 24) }, (_, k) => ({ name: fieldName(g, k), kind: FIELD_KINDS[g.int(0, FIELD_KINDS.length - 1)](k) }));
    return { cls: `${cap(n)}${i === 0 ? '' : cap(NOUNS[(index + i) % NOUNS.length])}`, snake: `${n}${i === 0 ? '' : `_${NOUNS[(index + i) % NOUNS.length]}`}`, fields, fk: i > 0 ? 0 : undefined };
  });
  return { name, models, webhook: g.chance(0.08), rawSql: g.chance(0.1), nextRedirect: g.chance(0.12), outbound: g.chance(0.3), importer: g.chance(0.06), shell: g.chance(0.05) };
}

function modelsPy(g, app) {
  const out = ['import uuid', '', 'from django.conf import settings', 'from django.db import models', 'from django.urls import reverse', 'from django.utils import timezone', 'from django.utils.translation import gettext_lazy as _', '', 'STATUS_CHOICES = [', '    ("draft", _("Draft")),', '    ("active", _("Active")),', '    ("archived", _("Archived")),', ']', ''];
  out.push('', 'class TimeStampedModel(models.Model):', '    created_at = models.DateTimeField(auto_now_add=True)', '    updated_at = models.DateTimeField(auto_now=True)', '', '    class Meta:', '        abstract = True', '');
  for (const [i, m] of app.models.entries()) {
    out.push('', `class ${m.cls}QuerySet(models.QuerySet):`, '    def active(self):', '        return self.filter(status_flag=True)', '', '    def recent(self, days=30):', '        since = timezone.now() - timezone.timedelta(days=days)', '        return self.filter(created_at__gte=since)', '');
    out.push('', `class ${m.cls}(TimeStampedModel):`, `    """A ${m.snake.replace(/_/g, ' ')} of the ${app.name} app."""`, '');
    out.push('    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")');
    if (i > 0) out.push(`    parent = models.ForeignKey("${app.models[0].cls}", on_delete=models.PROTECT, related_name="${m.snake}_set", null=True, blank=True)`);
    out.push('    status_flag = models.BooleanField(default=True)');
    for (const f of m.fields) out.push(`    ${f.name} = ${f.kind}`);
    if (g.chance(0.15)) out.push('    upload = models.FileField(upload_to="uploads/%Y/%m/", blank=True)');
    out.push('', `    objects = ${m.cls}QuerySet.as_manager()`, '', '    class Meta:', `        ordering = ["-created_at"]`, `        verbose_name = _("${m.snake.replace(/_/g, ' ')}")`, '        indexes = [', '            models.Index(fields=["owner", "created_at"]),', '        ]', '');
    out.push('    def __str__(self):', `        return f"${m.cls} {self.pk}"`, '');
    out.push('    def get_absolute_url(self):', `        return reverse("${app.name}:${m.snake}-detail", args=[self.pk])`, '');
    for (let k = 0; k < g.int(3, 9); k++) {
      const f = m.fields[k % m.fields.length].name;
      out.push(`    def compute_${f}_${k}(self, factor=1):`, `        value = getattr(self, "${f}", None)`, '        if value is None:', '            return None', '        try:', '            return value * factor', '        except TypeError:', '            return value', '');
    }
  }
  return lines(out);
}

function serializersPy(g, app) {
  const out = ['from rest_framework import serializers', '', `from .models import ${app.models.map((m) => m.cls).join(', ')}`, ''];
  for (const m of app.models) {
    out.push('', `class ${m.cls}Serializer(serializers.ModelSerializer):`, '    owner = serializers.HiddenField(default=serializers.CurrentUserDefault())', '');
    out.push('    class Meta:', `        model = ${m.cls}`, `        fields = [${['id', ...m.fields.slice(0, 8).map((f) => f.name)].map((f) => `"${f}"`).join(', ')}, "owner"]`, '        read_only_fields = ["id"]', '');
    const f = m.fields[0].name;
    out.push(`    def validate_${f}(self, value):`, '        if value in (None, ""):', `            raise serializers.ValidationError("${f} is required")`, '        return value', '');
    out.push('    def validate(self, attrs):', '        attrs = super().validate(attrs)', '        for key, value in list(attrs.items()):', '            if isinstance(value, str):', '                attrs[key] = value.strip()', '        return attrs', '');
  }
  return lines(out);
}

function formsPy(g, app) {
  const out = ['from django import forms', '', `from .models import ${app.models.map((m) => m.cls).join(', ')}`, ''];
  for (const m of app.models.slice(0, g.int(2, app.models.length))) {
    out.push('', `class ${m.cls}Form(forms.ModelForm):`, '    class Meta:', `        model = ${m.cls}`, `        fields = [${m.fields.slice(0, 6).map((f) => `"${f.name}"`).join(', ')}]`, '');
    out.push('    def clean(self):', '        cleaned = super().clean()', `        if not cleaned.get("${m.fields[0].name}"):`, `            self.add_error("${m.fields[0].name}", "This field is required.")`, '        return cleaned', '');
  }
  out.push('', 'class SearchForm(forms.Form):', '    q = forms.CharField(required=False, max_length=200)', '    page = forms.IntegerField(required=False, min_value=1)', '');
  return lines(out);
}

function adminPy(g, app) {
  const out = ['from django.contrib import admin', '', `from .models import ${app.models.map((m) => m.cls).join(', ')}`, ''];
  for (const m of app.models) {
    out.push('', `@admin.register(${m.cls})`, `class ${m.cls}Admin(admin.ModelAdmin):`, `    list_display = ["id", ${m.fields.slice(0, 4).map((f) => `"${f.name}"`).join(', ')}]`, `    search_fields = [${m.fields.slice(0, 2).map((f) => `"${f.name}"`).join(', ')}]`, '    list_filter = ["status_flag", "created_at"]', '    raw_id_fields = ["owner"]', '');
  }
  return lines(out);
}

function viewsPy(g, app) {
  const imports = [
    'import json',
    'import logging',
    '',
    ...(app.outbound ? ['import requests'] : []),
    'from django.contrib import messages',
    'from django.contrib.auth.decorators import login_required',
    'from django.contrib.auth.mixins import LoginRequiredMixin',
    'from django.core.paginator import Paginator',
    'from django.db.models import Q',
    'from django.http import HttpResponseBadRequest, JsonResponse',
    'from django.shortcuts import get_object_or_404, redirect, render',
    'from django.urls import reverse_lazy',
    ...(app.webhook ? ['from django.views.decorators.csrf import csrf_exempt'] : []),
    'from django.views.decorators.http import require_POST',
    'from django.views.generic import CreateView, DetailView, ListView, UpdateView',
    'from rest_framework import permissions, viewsets',
    'from rest_framework.decorators import action',
    'from rest_framework.response import Response',
    '',
    `from .forms import SearchForm`,
    `from .models import ${app.models.map((m) => m.cls).join(', ')}`,
    `from .serializers import ${app.models.map((m) => `${m.cls}Serializer`).join(', ')}`,
    `from . import services`,
    '',
    'logger = logging.getLogger(__name__)',
    '',
  ];
  const out = [...imports];
  for (const m of app.models) {
    const s = m.snake;
    out.push('', `@login_required`, `def ${s}_list(request):`, '    form = SearchForm(request.GET or None)', `    qs = ${m.cls}.objects.filter(owner=request.user)`, '    if form.is_valid() and form.cleaned_data.get("q"):', '        q = form.cleaned_data["q"]', `        qs = qs.filter(Q(${m.fields[0].name}__icontains=q) | Q(pk__icontains=q))`, '    paginator = Paginator(qs, 25)', '    page = paginator.get_page(request.GET.get("page"))', `    return render(request, "${app.name}/${s}_list.html", {"page": page, "form": form})`, '');
    out.push('', `class ${m.cls}DetailView(LoginRequiredMixin, DetailView):`, `    model = ${m.cls}`, `    template_name = "${app.name}/${s}_detail.html"`, '', '    def get_queryset(self):', '        return super().get_queryset().filter(owner=self.request.user)', '');
    out.push('', `class ${m.cls}CreateView(LoginRequiredMixin, CreateView):`, `    model = ${m.cls}`, `    fields = [${m.fields.slice(0, 4).map((f) => `"${f.name}"`).join(', ')}]`, `    success_url = reverse_lazy("${app.name}:${s}-list")`, '', '    def form_valid(self, form):', '        form.instance.owner = self.request.user', '        messages.success(self.request, "Saved.")', '        return super().form_valid(form)', '');
    out.push('', `class ${m.cls}UpdateView(LoginRequiredMixin, UpdateView):`, `    model = ${m.cls}`, `    fields = [${m.fields.slice(0, 4).map((f) => `"${f.name}"`).join(', ')}]`, `    success_url = reverse_lazy("${app.name}:${s}-list")`, '');
    out.push('', `@login_required`, '@require_POST', `def ${s}_archive(request, pk):`, `    obj = get_object_or_404(${m.cls}, pk=pk, owner=request.user)`, '    obj.status_flag = False', '    obj.save(update_fields=["status_flag"])', '    messages.info(request, "Archived.")');
    if (app.nextRedirect && g.chance(0.5)) out.push('    return redirect(request.GET.get("next", "/"))', '');
    else out.push(`    return redirect("${app.name}:${s}-list")`, '');
    out.push('', `class ${m.cls}ViewSet(viewsets.ModelViewSet):`, `    serializer_class = ${m.cls}Serializer`, '    permission_classes = [permissions.IsAuthenticated]', '', '    def get_queryset(self):', `        return ${m.cls}.objects.filter(owner=self.request.user).select_related("owner")`, '');
    out.push('    @action(detail=True, methods=["post"])', '    def recompute(self, request, pk=None):', '        obj = self.get_object()', `        result = services.recompute_${s}(obj)`, '        return Response({"result": result})', '');
  }
  if (app.webhook) {
    out.push('', '@csrf_exempt', '@require_POST', 'def webhook(request):', '    try:', '        payload = json.loads(request.body)', '    except ValueError:', '        return HttpResponseBadRequest("invalid JSON")', '    services.handle_webhook(payload)', '    return JsonResponse({"ok": True})', '');
  }
  if (app.outbound) {
    out.push('', '@login_required', 'def remote_status(request):', `    response = requests.get(services.STATUS_URL${g.chance(0.5) ? ', timeout=5' : ''})`, '    return JsonResponse(response.json())', '');
  }
  out.push('', '@login_required', 'def export_json(request):', '    data = []', `    for obj in ${app.models[0].cls}.objects.filter(owner=request.user)[:500]:`, '        data.append({"id": obj.pk, "label": str(obj)})', '    return JsonResponse({"items": data})', '');
  return lines(out);
}

function urlsPy(g, app) {
  const out = ['from django.urls import include, path', 'from rest_framework.routers import DefaultRouter', '', 'from . import views', '', `app_name = "${app.name}"`, '', 'router = DefaultRouter()'];
  for (const m of app.models) out.push(`router.register(r"${m.snake.replace(/_/g, '-')}", views.${m.cls}ViewSet, basename="${m.snake}")`);
  out.push('', 'urlpatterns = [');
  for (const m of app.models) {
    const s = m.snake;
    const p = s.replace(/_/g, '-');
    out.push(`    path("${p}/", views.${s}_list, name="${s}-list"),`, `    path("${p}/new/", views.${m.cls}CreateView.as_view(), name="${s}-create"),`, `    path("${p}/<int:pk>/", views.${m.cls}DetailView.as_view(), name="${s}-detail"),`, `    path("${p}/<int:pk>/edit/", views.${m.cls}UpdateView.as_view(), name="${s}-update"),`, `    path("${p}/<int:pk>/archive/", views.${s}_archive, name="${s}-archive"),`);
  }
  if (app.webhook) out.push('    path("webhook/", views.webhook, name="webhook"),');
  if (app.outbound) out.push('    path("remote-status/", views.remote_status, name="remote-status"),');
  out.push('    path("export.json", views.export_json, name="export"),', '    path("api/", include(router.urls)),', ']');
  return lines(out);
}

function servicesPy(g, app) {
  const out = ['import hashlib', 'import logging', ...(app.outbound ? ['', 'import requests'] : []), '', 'from django.db import connection, transaction', '', `from .models import ${app.models.map((m) => m.cls).join(', ')}`, '', 'logger = logging.getLogger(__name__)', '', `STATUS_URL = "https://status.example.com/${app.name}"`, ''];
  for (const m of app.models) {
    const s = m.snake;
    out.push('', `def recompute_${s}(obj):`, '    total = 0', `    for child in ${m.cls}.objects.filter(owner=obj.owner).only("pk")[:1000]:`, '        total += child.pk % 7', '    return total', '');
    out.push('', '@transaction.atomic', `def bulk_archive_${s}(owner, ids):`, `    updated = ${m.cls}.objects.filter(owner=owner, pk__in=ids).update(status_flag=False)`, `    logger.info("archived %s ${s} rows", updated)`, '    return updated', '');
    out.push('', `def summary_${s}(owner, limit=100):`, '    rows = []', `    qs = ${m.cls}.objects.filter(owner=owner).order_by("-created_at")[:limit]`, '    for obj in qs:', '        rows.append(', '            {', '                "id": obj.pk,', `                "label": str(obj),`, `                "${m.fields[0].name}": getattr(obj, "${m.fields[0].name}", None),`, '                "created": obj.created_at.isoformat() if obj.created_at else None,', '            }', '        )', '    logger.debug("summary of %d rows", len(rows))', '    return rows', '');
    out.push('', `def fingerprint_${s}(obj):`, '    digest = hashlib.sha256()', `    digest.update(str(obj.pk).encode())`, `    digest.update(str(getattr(obj, "${m.fields[0].name}", "")).encode())`, '    return digest.hexdigest()', '');
  }
  if (app.rawSql) {
    const t = `${app.name}_${app.models[0].snake}`;
    out.push('', 'def counts_by_owner(owner_id):', '    with connection.cursor() as cursor:', `        cursor.execute("SELECT COUNT(*) FROM ${t} WHERE owner_id = %s", [owner_id])`, '        return cursor.fetchone()[0]', '');
    if (g.chance(0.5)) out.push('', 'def search_raw(term):', '    with connection.cursor() as cursor:', `        cursor.execute(f"SELECT id FROM ${t} WHERE name_0 LIKE '%{term}%'")`, '        return [row[0] for row in cursor.fetchall()]', '');
  }
  if (app.outbound) {
    out.push('', 'def push_to_partner(payload):', `    response = requests.post("https://partner.example.com/api/${app.name}", json=payload${g.chance(0.6) ? ', timeout=10' : ''})`, '    response.raise_for_status()', '    return response.json()', '');
  }
  if (app.webhook) out.push('', 'def handle_webhook(payload):', '    kind = payload.get("type")', '    logger.info("webhook %s", kind)', '    return kind', '');
  if (app.importer) {
    out.push('', 'def load_fixture(path):', '    import yaml', '', '    with open(path) as fh:', `        return yaml.${g.chance(0.5) ? 'safe_load' : 'load'}(fh${g.chance(0.5) ? '' : ', Loader=yaml.Loader'})`, '');
    out.push('', 'def load_cache(blob):', '    import pickle', '', '    return pickle.loads(blob)', '');
  }
  return lines(out);
}

function tasksPy(g, app) {
  const out = ['from celery import shared_task', 'from django.core.mail import send_mail', '', `from .models import ${app.models[0].cls}`, ''];
  out.push('', '@shared_task(bind=True, max_retries=3)', `def notify_${app.models[0].snake}(self, pk):`, `    obj = ${app.models[0].cls}.objects.get(pk=pk)`, '    send_mail("Update", f"{obj} changed", None, [obj.owner.email])', '');
  out.push('', '@shared_task', 'def nightly_cleanup():', `    return ${app.models[0].cls}.objects.filter(status_flag=False).delete()`, '');
  return lines(out);
}

function signalsPy(g, app) {
  const m = app.models[0];
  return lines(['from django.db.models.signals import post_save', 'from django.dispatch import receiver', '', `from .models import ${m.cls}`, `from .tasks import notify_${m.snake}`, '', '', `@receiver(post_save, sender=${m.cls})`, `def ${m.snake}_saved(sender, instance, created, **kwargs):`, '    if not created:', `        notify_${m.snake}.delay(instance.pk)`]);
}

function appsPy(app) {
  return lines(['from django.apps import AppConfig', '', '', `class ${cap(app.name)}Config(AppConfig):`, '    default_auto_field = "django.db.models.BigAutoField"', `    name = "${app.name}"`, '', '    def ready(self):', '        from . import signals  # noqa: F401']);
}

function templateTagsPy(g, app) {
  const out = ['from django import template', 'from django.utils.html import format_html', 'from django.utils.safestring import mark_safe', '', 'register = template.Library()', ''];
  out.push('', '@register.simple_tag', 'def status_badge(flag):', '    label = "active" if flag else "archived"', '    return format_html(\'<span class="badge badge-{}">{}</span>\', label, label)', '');
  out.push('', '@register.filter', 'def nl2br(value):', `    return mark_safe(${g.chance(0.3) ? 'value.replace("\\n", "<br>")' : '"<br>".join(escape_lines(value))'})`, '');
  out.push('', 'def escape_lines(value):', '    from django.utils.html import escape', '', '    return [escape(line) for line in str(value).splitlines()]', '');
  return lines(out);
}

function commandPy(g, app) {
  const out = ['import subprocess', '', 'from django.core.management.base import BaseCommand', '', `from ...models import ${app.models[0].cls}`, '', '', 'class Command(BaseCommand):', `    help = "Maintenance for ${app.name}"`, '', '    def add_arguments(self, parser):', '        parser.add_argument("--dry-run", action="store_true")', '', '    def handle(self, *args, **options):', `        count = ${app.models[0].cls}.objects.count()`, '        self.stdout.write(f"{count} rows")'];
  if (app.shell) out.push('        subprocess.call("pg_dump --table=x > /tmp/dump.sql", shell=True)');
  else out.push('        subprocess.run(["true"], check=True)');
  return lines(out);
}

function testsPy(g, app, kind) {
  const out = ['from django.contrib.auth import get_user_model', 'from django.test import TestCase', 'from django.urls import reverse', ...(kind === 'api' ? ['from rest_framework.test import APIClient'] : []), '', `from ${app.name}.models import ${app.models.map((m) => m.cls).join(', ')}`, ''];
  for (const m of app.models) {
    out.push('', `class ${m.cls}${cap(kind)}Tests(TestCase):`, '    @classmethod', '    def setUpTestData(cls):', '        cls.user = get_user_model().objects.create_user("u", password="pw-for-tests-only")', '');
    if (kind === 'api') out.push('    def setUp(self):', '        self.api = APIClient()', '        self.api.force_authenticate(self.user)', '');
    for (let k = 0; k < g.int(3, 9); k++) {
      if (kind === 'models') {
        const f = g.pick(m.fields).name;
        out.push(`    def test_${f}_${k}(self):`, `        obj = ${m.cls}.objects.create(owner=self.user)`, '        assert obj.pk is not None', `        self.assertEqual(${m.cls}.objects.filter(pk=obj.pk).count(), 1)`, `        self.assertTrue(str(obj).startswith("${m.cls}"))`, '');
      } else if (kind === 'views') {
        out.push(`    def test_list_${k}(self):`, '        self.client.force_login(self.user)', `        response = self.client.get(reverse("${app.name}:${m.snake}-list"), {"page": ${k + 1}})`, '        self.assertEqual(response.status_code, 200)', `        self.assertContains(response, "${m.snake.replace(/_/g, ' ')}", status_code=200, html=False) if False else None`, '');
      } else {
        out.push(`    def test_api_${k}(self):`, `        response = self.api.get("/${app.name.replace(/_/g, '-')}/api/${m.snake.replace(/_/g, '-')}/")`, '        assert response.status_code == 200', '        payload = response.json()', '        self.assertIsInstance(payload, list)', '');
      }
    }
  }
  return lines(out);
}

function migrationsFor(g, app) {
  const files = [];
  const init = ['from django.conf import settings', 'from django.db import migrations, models', 'import django.db.models.deletion', 'import uuid', '', '', 'class Migration(migrations.Migration):', '    initial = True', '', '    dependencies = [', '        migrations.swappable_dependency(settings.AUTH_USER_MODEL),', '    ]', '', '    operations = ['];
  for (const [i, m] of app.models.entries()) {
    init.push('        migrations.CreateModel(', `            name="${m.cls}",`, '            fields=[', '                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),', '                ("created_at", models.DateTimeField(auto_now_add=True)),', '                ("updated_at", models.DateTimeField(auto_now=True)),', '                ("status_flag", models.BooleanField(default=True)),');
    for (const f of m.fields) init.push(`                ("${f.name}", ${f.kind.replace('choices=STATUS_CHOICES', 'choices=[("draft", "Draft"), ("active", "Active"), ("archived", "Archived")]')}),`);
    init.push('                ("owner", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL)),');
    if (i > 0) init.push(`                ("parent", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="${m.snake}_set", to="${app.name}.${app.models[0].cls.toLowerCase()}")),`);
    init.push('            ],', '            options={"ordering": ["-created_at"]},', '        ),');
  }
  init.push('    ]');
  files.push(['0001_initial.py', lines(init)]);
  const steps = g.int(8, 24);
  for (let n = 2; n <= steps; n++) {
    const prev = files[files.length - 1][0].replace(/\.py$/, '');
    const head = ['from django.db import migrations, models', '', ''];
    const ops = [];
    const labels = [];
    for (let o = g.int(1, 4); o > 0; o--) {
      const m = g.pick(app.models);
      const f = g.pick(m.fields);
      const model = m.cls.toLowerCase();
      const kind = g.int(0, 9);
      const id = `${n}_${o}`;
      if (kind <= 3) {
        labels.push(`${model}_extra_${id}`);
        ops.push('        migrations.AddField(', `            model_name="${model}",`, `            name="extra_${id}",`, `            field=models.CharField(max_length=64, blank=True, default=""),`, '        ),');
      } else if (kind <= 5) {
        labels.push(`alter_${model}_${f.name}`);
        ops.push('        migrations.AlterField(', `            model_name="${model}",`, `            name="${f.name}",`, `            field=models.TextField(blank=True),`, '        ),');
      } else if (kind === 6) {
        labels.push(`remove_${model}_legacy_${id}`);
        ops.push('        migrations.RemoveField(', `            model_name="${model}",`, `            name="legacy_${id}",`, '        ),');
      } else if (kind === 7) {
        labels.push(`rename_${model}_${id}`);
        ops.push('        migrations.RenameField(', `            model_name="${model}",`, `            old_name="old_${id}",`, `            new_name="new_${id}",`, '        ),');
      } else if (kind === 8) {
        labels.push(`index_${model}_${id}`);
        ops.push('        migrations.AddIndex(', `            model_name="${model}",`, `            index=models.Index(fields=["${f.name}"], name="${app.name.slice(0, 10)}_${id}_idx"),`, '        ),');
      } else {
        labels.push(`backfill_${model}_${id}`);
        head.push(`def forwards_${o}(apps, schema_editor):`, `    Model = apps.get_model("${app.name}", "${m.cls}")`, '    for obj in Model.objects.all().iterator():', '        obj.status_flag = True', '        obj.save(update_fields=["status_flag"])', '', '');
        ops.push(`        migrations.RunPython(forwards_${o}, migrations.RunPython.noop),`);
      }
    }
    const out = [...head, 'class Migration(migrations.Migration):', '    dependencies = [', `        ("${app.name}", "${prev}"),`, '    ]', '', '    operations = [', ...ops, '    ]'];
    const label = labels.length === 1 ? labels[0] : `auto_${n}`;
    files.push([`${String(n).padStart(4, '0')}_${label}.py`, lines(out)]);
  }
  return files;
}

function settingsFiles(apps) {
  const base = [
    '"""Settings shared by every environment; production.py and dev.py import these and override."""', '',
    'import os', 'from pathlib import Path', '', 'BASE_DIR = Path(__file__).resolve().parent.parent.parent', '',
    'INSTALLED_APPS = [', '    "django.contrib.admin",', '    "django.contrib.auth",', '    "django.contrib.contenttypes",', '    "django.contrib.sessions",', '    "django.contrib.messages",', '    "django.contrib.staticfiles",', '    "rest_framework",',
    ...apps.map((a) => `    "${a.name}",`), ']', '',
    'MIDDLEWARE = [', '    "django.middleware.security.SecurityMiddleware",', '    "django.contrib.sessions.middleware.SessionMiddleware",', '    "django.middleware.common.CommonMiddleware",', '    "django.middleware.csrf.CsrfViewMiddleware",', '    "django.contrib.auth.middleware.AuthenticationMiddleware",', '    "django.contrib.messages.middleware.MessageMiddleware",', '    "django.middleware.clickjacking.XFrameOptionsMiddleware",', ']', '',
    'ROOT_URLCONF = "platform_site.urls"', 'WSGI_APPLICATION = "platform_site.wsgi.application"', '',
    'TEMPLATES = [', '    {', '        "BACKEND": "django.template.backends.django.DjangoTemplates",', '        "DIRS": [BASE_DIR / "templates"],', '        "APP_DIRS": True,', '        "OPTIONS": {"context_processors": ["django.template.context_processors.request", "django.contrib.auth.context_processors.auth", "django.contrib.messages.context_processors.messages"]},', '    },', ']', '',
    'DATABASES = {', '    "default": {', '        "ENGINE": "django.db.backends.postgresql",', '        "NAME": os.environ.get("DB_NAME", "platform"),', '        "USER": os.environ.get("DB_USER", "platform"),', '        "PASSWORD": os.environ.get("DB_PASSWORD", ""),', '        "HOST": os.environ.get("DB_HOST", "localhost"),', '        "CONN_MAX_AGE": 60,', '    }', '}', '',
    'REST_FRAMEWORK = {', '    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],', '    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.UserRateThrottle", "rest_framework.throttling.AnonRateThrottle"],', '    "DEFAULT_THROTTLE_RATES": {"user": "1000/hour", "anon": "50/hour"},', '}', '',
    'LANGUAGE_CODE = "en-us"', 'TIME_ZONE = "UTC"', 'USE_I18N = True', 'USE_TZ = True', '', 'STATIC_URL = "/static/"', 'STATIC_ROOT = BASE_DIR / "staticfiles"', 'MEDIA_URL = "/media/"', 'MEDIA_ROOT = BASE_DIR / "media"', '',
    'CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")', 'DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"', 'LOGIN_URL = "login"',
  ];
  const production = [
    '"""Production: every secret from the environment."""', '', 'import os', '', 'import sentry_sdk', 'from sentry_sdk.integrations.django import DjangoIntegration', '', 'from .base import *  # noqa: F401,F403', '',
    'DEBUG = False', 'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]', 'ALLOWED_HOSTS = os.environ["DJANGO_ALLOWED_HOSTS"].split(",")', '',
    'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")', 'SECURE_SSL_REDIRECT = True', 'SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365', 'SECURE_HSTS_INCLUDE_SUBDOMAINS = True', 'SECURE_CONTENT_TYPE_NOSNIFF = True', 'SESSION_COOKIE_SECURE = True', 'CSRF_COOKIE_SECURE = True', 'X_FRAME_OPTIONS = "DENY"', '',
    'STORAGES = {', '    "default": {"BACKEND": "storages.backends.s3.S3Storage"},', '    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},', '}', '',
    'sentry_sdk.init(dsn=os.environ.get("SENTRY_DSN"), integrations=[DjangoIntegration()], traces_sample_rate=0.05)',
  ];
  const dev = ['from .base import *  # noqa: F401,F403', '', 'DEBUG = True', 'SECRET_KEY = "dev-only-not-secret-at-all-0123456789abcdef"', 'ALLOWED_HOSTS = ["*"]', 'EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"'];
  const test = ['from .base import *  # noqa: F401,F403', '', 'SECRET_KEY = "test"', 'PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]'];
  return { base: lines(base), production: lines(production), dev: lines(dev), test: lines(test) };
}

function countLines(text) {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.length > 0 && !text.endsWith('\n') ? n + 1 : n;
}

/** The tree as a Map of relative path → content: deterministic for a given `targetLines`. */
export function monolithFiles(targetLines = 1_000_000) {
  const g = new Gen(20261201);
  const files = new Map();
  let pyLines = 0;
  const put = (rel, text) => {
    files.set(rel, text);
    if (rel.endsWith('.py')) pyLines += countLines(text);
  };
  const apps = [];
  // The project files first take ~300 lines; apps are added until the Python reaches the target.
  const reserve = 400;
  for (let i = 0; pyLines + reserve < targetLines; i++) {
    const app = makeApp(g, i);
    apps.push(app);
    const d = `apps/${app.name}`;
    put(`${d}/__init__.py`, '');
    put(`${d}/apps.py`, appsPy(app));
    put(`${d}/models.py`, modelsPy(g, app));
    put(`${d}/views.py`, viewsPy(g, app));
    put(`${d}/urls.py`, urlsPy(g, app));
    put(`${d}/serializers.py`, serializersPy(g, app));
    put(`${d}/forms.py`, formsPy(g, app));
    put(`${d}/admin.py`, adminPy(g, app));
    put(`${d}/services.py`, servicesPy(g, app));
    put(`${d}/tasks.py`, tasksPy(g, app));
    put(`${d}/signals.py`, signalsPy(g, app));
    put(`${d}/templatetags/__init__.py`, '');
    put(`${d}/templatetags/${app.name}_tags.py`, templateTagsPy(g, app));
    put(`${d}/management/__init__.py`, '');
    put(`${d}/management/commands/__init__.py`, '');
    put(`${d}/management/commands/${app.name}_maintenance.py`, commandPy(g, app));
    put(`${d}/migrations/__init__.py`, '');
    for (const [name, text] of migrationsFor(g, app)) put(`${d}/migrations/${name}`, text);
    put(`${d}/tests/__init__.py`, '');
    for (const kind of ['models', 'views', 'api']) put(`${d}/tests/test_${kind}.py`, testsPy(g, app, kind));
    for (const m of app.models.slice(0, 2)) {
      put(`${d}/templates/${app.name}/${m.snake}_list.html`, `{% extends "base.html" %}\n{% block content %}\n<ul>{% for obj in page %}<li><a href="{{ obj.get_absolute_url }}">{{ obj }}</a></li>{% endfor %}</ul>\n{% endblock %}\n`);
    }
  }
  const s = settingsFiles(apps);
  put('platform_site/__init__.py', 'from .celery import app as celery_app\n\n__all__ = ["celery_app"]\n');
  put('platform_site/settings/__init__.py', '');
  put('platform_site/settings/base.py', s.base);
  put('platform_site/settings/production.py', s.production);
  put('platform_site/settings/dev.py', s.dev);
  put('platform_site/settings/test.py', s.test);
  put('platform_site/urls.py', lines(['from django.contrib import admin', 'from django.urls import include, path', '', 'urlpatterns = [', '    path("admin/", admin.site.urls),', ...apps.map((a) => `    path("${a.name.replace(/_/g, '-')}/", include("${a.name}.urls")),`), ']']));
  put('platform_site/wsgi.py', lines(['import os', '', 'from django.core.wsgi import get_wsgi_application', '', 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_site.settings.production")', '', 'application = get_wsgi_application()']));
  put('platform_site/asgi.py', lines(['import os', '', 'from django.core.asgi import get_asgi_application', '', 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_site.settings.production")', '', 'application = get_asgi_application()']));
  put('platform_site/celery.py', lines(['import os', '', 'from celery import Celery', '', 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_site.settings.production")', '', 'app = Celery("platform_site")', 'app.config_from_object("django.conf:settings", namespace="CELERY")', 'app.autodiscover_tasks()']));
  put('manage.py', lines(['#!/usr/bin/env python', 'import os', 'import sys', '', '', 'def main():', '    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_site.settings.dev")', '    from django.core.management import execute_from_command_line', '', '    execute_from_command_line(sys.argv)', '', '', 'if __name__ == "__main__":', '    main()']));
  put('templates/base.html', '<!doctype html>\n<html><body>{% block content %}{% endblock %}</body></html>\n');
  put('Dockerfile', lines(['FROM python:3.12-slim', 'ENV PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=platform_site.settings.production', 'WORKDIR /app', 'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt', 'COPY . .', 'ENV PYTHONPATH=/app/apps', 'RUN python manage.py collectstatic --noinput', 'CMD ["gunicorn", "platform_site.wsgi", "--workers", "4", "--bind", "0.0.0.0:8000"]']));
  put('Procfile', lines(['release: python manage.py migrate --noinput', 'web: gunicorn platform_site.wsgi --workers 4', 'worker: celery -A platform_site worker --loglevel=info']));
  put('docker-compose.yml', lines(['services:', '  web:', '    build: .', '    env_file: .env', '    ports: ["8000:8000"]', '    depends_on: [db, redis]', '  worker:', '    build: .', '    command: celery -A platform_site worker', '  db:', '    image: postgres:16', '    environment:', '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?}', '  redis:', '    image: redis:7']));
  put('requirements.txt', lines(['Django>=4.2,<5.0', 'djangorestframework>=3.14', 'celery[redis]>=5.3', 'django-storages[s3]>=1.14', 'gunicorn>=21.2', 'psycopg2-binary>=2.9', 'requests>=2.31', 'PyYAML>=6.0', 'sentry-sdk>=1.40']));
  put('.gitignore', lines(['*.pyc', '__pycache__/', '.env', 'media/', 'staticfiles/', 'node_modules/']));
  return { files, pyLines, apps: apps.length };
}

/** Writes the tree to `dir` (when it is not already there); returns { dir, files, pyLines, apps }. */
export function generateMonolith(dir, targetLines = 1_000_000) {
  const stamp = `monolith v${VERSION} ${targetLines}\n`;
  const at = join(dir, STAMP);
  if (existsSync(at) && readFileSync(at, 'utf8').split('\n')[0] === stamp.trim()) {
    const [, files, pyLines, apps] = readFileSync(at, 'utf8').split('\n');
    return { dir, files: Number(files), pyLines: Number(pyLines), apps: Number(apps), cached: true };
  }
  rmSync(dir, { recursive: true, force: true });
  const { files, pyLines, apps } = monolithFiles(targetLines);
  for (const [rel, text] of files) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  writeFileSync(at, `${stamp}${files.size}\n${pyLines}\n${apps}\n`);
  return { dir, files: files.size, pyLines, apps, cached: false };
}

export function defaultMonolithDir(targetLines = 1_000_000) {
  return join(ROOT, '.cache', 'bench', `monolith-${targetLines}`);
}

if (process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url) {
  const argv = process.argv.slice(2);
  const at = (n) => (argv.indexOf(n) >= 0 ? argv[argv.indexOf(n) + 1] : undefined);
  const target = Number(at('--lines') ?? 1_000_000);
  const dir = resolve(at('--out') ?? defaultMonolithDir(target));
  const r = generateMonolith(dir, target);
  console.log(`${r.cached ? 'already there' : 'generated'}: ${dir} — ${r.apps} apps, ${r.files} files, ${r.pyLines.toLocaleString('en-US')} lines of Python`);
}
