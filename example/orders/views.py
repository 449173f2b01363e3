import base64
import pickle
from decimal import Decimal

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.db import connection
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from .forms import OrderForm
from .models import Order


def login_view(request):  # expect: launch.W110
    """Sign a customer in with their username and password."""
    if request.user.is_authenticated:
        return redirect("orders:list")

    error = None
    if request.method == "POST":
        username = request.POST.get("username", "")
        password = request.POST.get("password", "")
        user = authenticate(request, username=username, password=password)
        if user is not None:
            login(request, user)
            return redirect(request.GET.get("next") or "orders:list")  # expect: launch.W123
        error = "Invalid username or password."

    return render(request, "orders/login.html", {"error": error})


@require_POST
def logout_view(request):
    logout(request)
    return redirect("orders:login")


@login_required
def order_list(request):
    orders = Order.objects.filter(customer=request.user).select_related("product")
    return render(request, "orders/order_list.html", {"orders": orders})


@login_required
def order_detail(request, pk):
    order = get_object_or_404(Order, pk=pk, customer=request.user)
    return render(request, "orders/order_detail.html", {"order": order})


@login_required
def create_order(request):
    form = OrderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        order = form.save(commit=False)
        order.customer = request.user

        # Ask the carrier for a shipping quote
        response = requests.get(  # expect: launch.W080, launch.W124
            settings.SHIPPING_API_URL,
            params={"address": order.shipping_address, "quantity": order.quantity},
        )
        order.shipping_cost = Decimal(str(response.json()["rate"]))
        order.save()

        # Send the confirmation email
        send_mail(  # expect: launch.W080
            f"Your order #{order.pk} is confirmed",
            f"Thanks for your order of {order.quantity} x {order.product.name}. Total: ${order.total}.",
            settings.DEFAULT_FROM_EMAIL,
            [request.user.email],
        )
        messages.success(request, "Order placed! A confirmation email is on its way.")
        return redirect("orders:detail", pk=order.pk)

    return render(request, "orders/order_form.html", {"form": form})


@login_required
def search_orders(request):
    """Find orders by shipping address, with the search term highlighted."""
    q = request.GET.get("q", "")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM orders_order WHERE shipping_address LIKE '%{q}%'")  # expect: launch.E122
        ids = [row[0] for row in cursor.fetchall()]
    orders = Order.objects.filter(pk__in=ids, customer=request.user)
    heading = mark_safe(f"Orders shipping to <mark>{q}</mark>")  # expect: launch.W121
    return render(request, "orders/search.html", {"orders": orders, "heading": heading, "query": q})


def recently_viewed(request):
    """The products a visitor looked at, kept in a cookie so it works without an account."""
    raw = request.COOKIES.get("recent")
    recent = pickle.loads(base64.b64decode(raw)) if raw else []  # expect: launch.E125
    return render(request, "orders/recent.html", {"recent": recent})
