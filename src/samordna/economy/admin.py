from django.contrib import admin

from .models import Actual, Budget, BudgetLine, EconomySettings, Fee, FinancingPlan, Withdrawal

for model in (Actual, Budget, BudgetLine, EconomySettings, Fee, FinancingPlan, Withdrawal):
    admin.site.register(model)
