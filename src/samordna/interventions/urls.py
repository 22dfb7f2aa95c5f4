from django.urls import path

from . import views, views_public, views_reports

urlpatterns = [
    path("insatser/", views.interventions, name="interventions"),
    path("insatser/ny/", views.intervention_create, name="intervention_create"),
    path("insatser/oversikt/", views_reports.dashboard_page, name="intervention_dashboard"),
    path("insatser/uppfoljning/", views_reports.period_overview, name="interventions_follow_up"),
    path("insatser/installningar/", views_reports.settings_page, name="intervention_settings"),
    path("insatser/<int:pk>/", views.intervention, name="intervention"),
    path("insatser/<int:pk>/andra/", views.intervention_edit, name="intervention_edit"),
    path("insatser/<int:pk>/avtal/<int:contract_id>/", views.contract_edit, name="contract_edit"),
    path("insatser/<int:pk>/rapport/", views_reports.report_pick, name="intervention_report_pick"),
    path("insatser/<int:pk>/rapport/<int:year>/<int:month>/", views_reports.report, name="intervention_report"),
    path("insatser/<int:pk>/uppfoljning/", views_reports.follow_up, name="intervention_follow_up"),
    path("insatskatalog/", views_public.catalogue, name="intervention_catalogue"),
    path("insatskatalog/<int:pk>/", views_public.catalogue_entry, name="catalogue_entry"),
]

from . import views_exports  # noqa: E402  (the report downloads)

urlpatterns += [
    path("insatser/rapporter/", views_exports.reports_page, name="intervention_reports"),
    path("insatser/rapporter/<str:kind>/<int:year>/<int:number>/forbundet.<str:fmt>", views_exports.association_report,
         name="association_report_download"),
    path("insatser/rapporter/uppfoljning-finsam/<str:kind>/<int:year>/<int:number>.<str:fmt>", views_exports.national_export,
         name="national_export_download"),
    path("insatser/<int:pk>/rapporter/<str:kind>/<int:year>/<int:number>.<str:fmt>", views_exports.intervention_report,
         name="intervention_report_download"),
]
