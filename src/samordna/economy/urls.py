from django.urls import path

from . import views, views_business_plan, views_export

urlpatterns = [
    path("ekonomi/", views.economy, name="economy"),
    path("ekonomi/finansiering/<int:year>/", views.financing_plan, name="economy_plan"),
    path("ekonomi/finansiering/<int:year>/finansieringsplan.xlsx", views_export.plan_xlsx, name="economy_plan_xlsx"),
    path("ekonomi/finansiering/<int:year>/finansieringsplan.<str:fmt>", views_export.plan_document,
         name="economy_plan_document"),
    path("ekonomi/folkmangd/", views.population, name="economy_population"),
    path("ekonomi/budget/<int:year>/", views.budget, name="economy_budget"),
    path("ekonomi/budget/<int:year>/budget.xlsx", views_export.budget_xlsx, name="economy_budget_xlsx"),
    path("ekonomi/budget/<int:year>/budget.<str:fmt>", views_export.budget_document, name="economy_budget_document"),
    path("ekonomi/budget/<int:year>/rad/<int:line_id>/", views.budget_line, name="economy_budget_line"),
    path("ekonomi/utfall/<int:year>/", views.outcome, name="economy_outcome"),
    path("ekonomi/avgifter/", views.fees, name="economy_fees"),
    path("ekonomi/uttrade/", views.withdrawals, name="economy_withdrawals"),
    path("ekonomi/uttrade/<int:withdrawal_id>/aterkalla/", views.revoke, name="economy_revoke"),
    path("ekonomi/installningar/", views.settings, name="economy_settings"),
    path("ekonomi/verksamhetsplan/", views_business_plan.business_plans, name="economy_business_plans"),
    path("ekonomi/verksamhetsplan/<int:year>/", views_business_plan.business_plan_edit, name="economy_business_plan"),
    path("ekonomi/verksamhetsplan/<int:year>/forhandsvisning/", views_business_plan.business_plan_preview,
         name="economy_business_plan_preview"),
    path("ekonomi/verksamhetsplan/<int:year>/anta/", views_business_plan.business_plan_adopt,
         name="economy_business_plan_adopt"),
    path("ekonomi/verksamhetsplan/<int:year>/verksamhetsplan.<str:fmt>", views_business_plan.business_plan_document,
         name="economy_business_plan_document"),
]
